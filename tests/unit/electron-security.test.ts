import type { Protocol, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicyFor,
  createUrlTrust,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  registerAppScheme,
  resolveRendererSource,
  withContentSecurityPolicy,
  type RendererSource,
} from '../../electron/main/security';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';

const APP: RendererSource = { kind: 'app', url: 'app://ettervern/index.html' };
const DEV: RendererSource = { kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' };

describe('resolveRendererSource', () => {
  it('uses the app protocol by default', () => {
    expect(resolveRendererSource({ isPackaged: false, env: {} })).toEqual(APP);
  });

  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(resolveRendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toEqual(DEV);
    expect(resolveRendererSource({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toEqual(APP);
    expect(resolveRendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://example.com/' } })).toEqual(APP);
    expect(resolveRendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'file:///C:/x.html' } })).toEqual(APP);
    expect(resolveRendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'ikke en url' } })).toEqual(APP);
  });
});

describe('createUrlTrust', () => {
  it('trusts only our origin in the built app', () => {
    const trusted = createUrlTrust(APP);
    expect(trusted('app://ettervern/index.html')).toBe(true);
    expect(trusted('app://ettervern/saker/1')).toBe(true);
    for (const url of [
      'app://ettervern.evil/index.html',
      'app://other/',
      'http://localhost:5173/',
      'https://example.com/',
      'file:///etc/passwd',
      'app://ettervern',
      '',
    ]) {
      expect(trusted(url), url).toBe(false);
    }
  });

  it('also trusts the dev server origin in development, and nothing else on localhost', () => {
    const trusted = createUrlTrust(DEV);
    expect(trusted('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(trusted('app://ettervern/index.html')).toBe(true);
    expect(trusted('http://localhost:5174/')).toBe(false);
    expect(trusted('http://localhost:5173.evil.no/')).toBe(false);
    expect(trusted('not a url')).toBe(false);
  });
});

describe('content security policy', () => {
  it('sends the shared policy as is from the built app', () => {
    expect(contentSecurityPolicyFor(APP)).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('allows inline scripts in development only', () => {
    expect(contentSecurityPolicyFor(APP)).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicyFor(DEV)).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('replaces a policy the response brought, whatever its case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'], 'CONTENT-SECURITY-POLICY': ['x'] },
      'P',
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['P'] });
    expect(withContentSecurityPolicy(undefined, 'P')).toEqual({ 'Content-Security-Policy': ['P'] });
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme with fetch', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol as unknown as Protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const captured: {
      onHeaders?: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void;
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (contents: unknown, permission: string) => boolean;
    } = {};
    const session = {
      webRequest: { onHeadersReceived: (listener: typeof captured.onHeaders) => (captured.onHeaders = listener) },
      setPermissionRequestHandler: (handler: typeof captured.request) => (captured.request = handler),
      setPermissionCheckHandler: (handler: typeof captured.check) => (captured.check = handler),
    };
    return { session: session as unknown as Session, captured };
  }

  it('puts the CSP on every response', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, 'default-src none');
    const callback = vi.fn();
    captured.onHeaders!({ responseHeaders: { 'Content-Security-Policy': ['default-src *'], Server: ['vite'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { Server: ['vite'], 'Content-Security-Policy': ['default-src none'] } });
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('denies the %s permission', (permission) => {
    const { session, captured } = fakeSession();
    hardenSession(session, 'x');
    const callback = vi.fn();
    captured.request!({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(captured.check!({}, permission)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows only https to listed hosts', () => {
    const allow = ['lovdata.no'];
    expect(isAllowedExternalUrl('https://lovdata.no/dokument', allow)).toBe(true);
    expect(isAllowedExternalUrl('http://lovdata.no/', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://lovdata.no.evil.com/', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@lovdata.no/', allow)).toBe(false);
    expect(isAllowedExternalUrl('https://lovdata.no/', [])).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', allow)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  type Listener = (event: { url?: string; preventDefault(): void }) => void;
  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    const fire = (name: string, url?: string) => {
      const event = { url, preventDefault: vi.fn() };
      listeners.get(name)!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }) };
  }

  function harden(allowlist: string[] = []) {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents, { isTrustedUrl: createUrlTrust(APP), openExternal, externalAllowlist: allowlist });
    return { ...fake, openExternal };
  }

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: blocks foreign URLs and allows our own', (name) => {
    const { fire } = harden();
    expect(fire(name, 'https://example.com/')).toBe(true);
    expect(fire(name, 'file:///C:/Windows/win.ini')).toBe(true);
    expect(fire(name, 'app://ettervern/saker')).toBe(false);
  });

  it('refuses <webview>', () => {
    expect(harden().fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window; opens an allowed https link in the browser instead', () => {
    const { open, openExternal } = harden(['lovdata.no']);
    expect(open('app://ettervern/index.html')).toEqual({ action: 'deny' });
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open('https://lovdata.no/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://lovdata.no/');
  });

  it('opens nothing externally with the empty allow-list the app ships with', async () => {
    const { EXTERNAL_LINK_ALLOWLIST } = await import('../../electron/main/security');
    expect(EXTERNAL_LINK_ALLOWLIST).toEqual([]);
  });
});
