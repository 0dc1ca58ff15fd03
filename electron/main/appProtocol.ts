import { extname, isAbsolute, relative, resolve } from 'node:path';

/** The renderer's own origin. A custom, standard scheme gives it a real origin without file:// powers. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ettervern';
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_ORIGIN_PREFIX}index.html`;

export type AppRequestResolution = { kind: 'file'; path: string } | { kind: 'forbidden' };

/**
 * Maps an `app://ettervern/…` URL to a file under `rootDir`. Anything that could climb out of the folder
 * (`..`, `%2e%2e`, backslashes, encoded slashes, drive letters, hidden files) or names another host is
 * refused. Only extension-less paths (client-side routes) fall back to index.html, so a missing script
 * is a 404 and never HTML served as JavaScript.
 */
export function resolveAppRequest(url: string, rootDir: string): AppRequestResolution {
  const rawPath = rawPathOf(url);
  if (rawPath === null) return { kind: 'forbidden' };
  const segments = decodeSegments(rawPath);
  if (segments === null) return { kind: 'forbidden' };
  const wanted = segments.length === 0 ? ['index.html'] : segments;
  const last = wanted.at(-1)!;
  if (extname(last) === '') return { kind: 'file', path: resolve(rootDir, 'index.html') };
  const root = resolve(rootDir);
  const path = resolve(root, ...wanted);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { kind: 'forbidden' };
  return { kind: 'file', path };
}

/**
 * The path part of the URL exactly as written. The WHATWG parser would quietly resolve `..`, so the raw
 * text is inspected instead: a request that tries to climb is refused, not silently rewritten.
 */
function rawPathOf(url: string): string | null {
  if (url.includes('\\') || url.includes('\0')) return null;
  if (!url.toLowerCase().startsWith(APP_ORIGIN_PREFIX)) {
    // `app://ettervern` without the slash is the entry page; any other host, port or user is refused.
    if (url.toLowerCase() !== `${APP_SCHEME}://${APP_HOST}`) return null;
    return '';
  }
  const afterOrigin = url.slice(APP_ORIGIN_PREFIX.length);
  const end = afterOrigin.search(/[?#]/);
  return end === -1 ? afterOrigin : afterOrigin.slice(0, end);
}

function decodeSegments(rawPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[\\/:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolHandlerOptions {
  rootDir: string;
  csp: string;
  readFile: (path: string) => Promise<Uint8Array>;
}

/** The body of `protocol.handle('app', …)`: only GET/HEAD, only files under the renderer folder. */
export function createAppProtocolHandler(options: AppProtocolHandlerOptions): (request: { url: string; method: string }) => Promise<Response> {
  const baseHeaders = {
    'content-security-policy': options.csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: baseHeaders });
    }
    const resolution = resolveAppRequest(request.url, options.rootDir);
    if (resolution.kind === 'forbidden') return new Response(null, { status: 403, headers: baseHeaders });
    let body: Uint8Array;
    try {
      body = await options.readFile(resolution.path);
    } catch {
      // Missing file or a folder: both are simply not there for the renderer.
      return new Response(null, { status: 404, headers: baseHeaders });
    }
    const headers = { ...baseHeaders, 'content-type': mimeTypeFor(resolution.path) };
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers });
  };
}
