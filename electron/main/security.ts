import { readFile } from 'node:fs/promises';
import type { Protocol, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { APP_ENTRY_URL, APP_ORIGIN_PREFIX, APP_SCHEME, createAppProtocolHandler } from './appProtocol';

/** Where the renderer comes from: our own protocol, or electron-vite's dev server while developing. */
export type RendererSource = { kind: 'app'; url: string } | { kind: 'dev'; url: string; origin: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A packaged app ignores ELECTRON_RENDERER_URL: otherwise anyone who can set an environment variable
 * could point the window, and its access to the database, at a page of their choosing. Even unpackaged,
 * only a loopback dev server is accepted.
 */
export function resolveRendererSource(input: { isPackaged: boolean; env: Readonly<Record<string, string | undefined>> }): RendererSource {
  const devUrl = input.isPackaged ? undefined : input.env.ELECTRON_RENDERER_URL;
  if (devUrl) {
    try {
      const parsed = new URL(devUrl);
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname)) {
        return { kind: 'dev', url: parsed.href, origin: parsed.origin };
      }
    } catch {
      // Not a URL: fall through to the built renderer.
    }
  }
  return { kind: 'app', url: APP_ENTRY_URL };
}

/** True for pages that may use the API and be navigated to: our origin, or the dev server in development. */
export function createUrlTrust(source: RendererSource): (url: string) => boolean {
  return (url) => {
    if (url.startsWith(APP_ORIGIN_PREFIX)) return true;
    if (source.kind !== 'dev') return false;
    try {
      return new URL(url).origin === source.origin;
    } catch {
      return false;
    }
  };
}

/**
 * Vite's dev server injects an inline script for React Fast Refresh, so development needs inline
 * scripts; the built app never does.
 */
export function contentSecurityPolicyFor(source: RendererSource): string {
  if (source.kind === 'app') return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
}

/** Replaces any CSP a response brings (header names are case-insensitive) with ours. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}

/** Must run before `app` is ready: privileges of a scheme cannot be changed later. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, options: { rootDir: string; csp: string }): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ ...options, readFile: (path) => readFile(path) }));
}

/** The CSP on every response (not only the protocol's), and no permission for anything. */
export function hardenSession(session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) });
  });
  // Camera, microphone, notifications, geolocation, clipboard reads…: the app needs none of them.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** https links to these hosts may open in the user's browser. Empty until the app links anywhere. */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = [];

export function isAllowedExternalUrl(url: string, allowlist: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && allowlist.includes(parsed.hostname);
  } catch {
    return false;
  }
}

export interface WebContentsPolicy {
  isTrustedUrl: (url: string) => boolean;
  openExternal: (url: string) => unknown;
  externalAllowlist: readonly string[];
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** No leaving our origin, no new windows, no <webview>: for every web contents the app creates. */
export function hardenWebContents(contents: HardenableContents, policy: WebContentsPolicy): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }) => {
    if (!policy.isTrustedUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, policy.externalAllowlist)) void policy.openExternal(url);
    return { action: 'deny' };
  });
}
