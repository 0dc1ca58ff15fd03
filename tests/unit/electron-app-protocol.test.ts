import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppRequest } from '../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { makeTempDir } from '../support/testDatabase';

const ROOT = resolve('/app/out/renderer');

describe('resolveAppRequest', () => {
  it('maps files under the renderer folder', () => {
    expect(resolveAppRequest('app://ettervern/index.html', ROOT)).toEqual({ kind: 'file', path: join(ROOT, 'index.html') });
    expect(resolveAppRequest('app://ettervern/assets/index-abc.js?v=1#x', ROOT)).toEqual({ kind: 'file', path: join(ROOT, 'assets', 'index-abc.js') });
    expect(resolveAppRequest('app://ettervern/assets/Bl%C3%A5%20ikon.svg', ROOT)).toEqual({ kind: 'file', path: join(ROOT, 'assets', 'Blå ikon.svg') });
  });

  it('serves index.html for the root and for extension-less routes only', () => {
    for (const url of ['app://ettervern', 'app://ettervern/', 'app://ettervern/saker', 'app://ettervern/saker/12/timer?x=1']) {
      expect(resolveAppRequest(url, ROOT)).toEqual({ kind: 'file', path: join(ROOT, 'index.html') });
    }
    expect(resolveAppRequest('app://ettervern/assets/mangler.js', ROOT)).toEqual({ kind: 'file', path: join(ROOT, 'assets', 'mangler.js') });
  });

  it.each([
    'app://ettervern/../../etc/passwd',
    'app://ettervern/assets/../../../etc/passwd',
    'app://ettervern/%2e%2e/%2e%2e/etc/passwd',
    'app://ettervern/%2E%2E/secret.txt',
    'app://ettervern/.%2e/secret.txt',
    'app://ettervern/..%2fsecret.txt',
    'app://ettervern/%2e%2e%5csecret.txt',
    'app://ettervern/..\\..\\windows\\win.ini',
    'app://ettervern/assets\\index.js',
    'app://ettervern/C:/Windows/win.ini',
    'app://ettervern/%00index.html',
    'app://ettervern/.env',
    'app://ettervern/%E0%A4%A.js',
    'app://ettervern/..',
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ kind: 'forbidden' });
  });

  it.each([
    'app://evil/index.html',
    'app://ettervern.evil.no/index.html',
    'app://ettervern:8080/index.html',
    'app://user@ettervern/index.html',
    'file:///etc/passwd',
    'https://ettervern/index.html',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ kind: 'forbidden' });
  });
});

describe('mimeTypeFor', () => {
  it('knows what Vite emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('noe.ukjent')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler (on real files)', () => {
  const temp = makeTempDir('ettervern-protocol-');
  afterAll(() => temp.cleanup());
  const root = join(temp.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'fonts.d'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ettervern</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("hei")');
  writeFileSync(join(temp.dir, 'hemmelig.txt'), 'skal aldri ut');
  const handle = createAppProtocolHandler({ rootDir: root, csp: CONTENT_SECURITY_POLICY, readFile: (path) => readFile(path) });

  it('serves a file with its MIME type, the CSP and nosniff', async () => {
    const response = await handle({ url: 'app://ettervern/assets/app.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log("hei")');
  });

  it('answers a client-side route with index.html', async () => {
    const response = await handle({ url: 'app://ettervern/saker/3', method: 'GET' });
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Ettervern</title>');
  });

  it('gives 404 for a missing asset and for a folder, never index.html', async () => {
    const missing = await handle({ url: 'app://ettervern/assets/borte.js', method: 'GET' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('');
    expect((await handle({ url: 'app://ettervern/fonts.d', method: 'GET' })).status).toBe(404);
  });

  it('refuses traversal to a file that does exist outside the folder', async () => {
    const response = await handle({ url: 'app://ettervern/%2e%2e/hemmelig.txt', method: 'GET' });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('only answers GET and HEAD', async () => {
    expect((await handle({ url: 'app://ettervern/index.html', method: 'POST' })).status).toBe(405);
    const head = await handle({ url: 'app://ettervern/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
