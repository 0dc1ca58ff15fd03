import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN_PREFIX, createAppProtocolHandler } from '../../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';

export interface StaticServer {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a built renderer on loopback through the app's own `app://` protocol handler, so the browser
 * tests get exactly the files, MIME types, CSP and refusals the Electron window gets. (Plain Chromium
 * refuses ES modules from file://, which is why the tests need real HTTP at all.) Every error answer is
 * reported to `onFailure`, so a test fails on a missing asset.
 */
export async function startStaticServer(rootDir: string, onFailure: (description: string) => void): Promise<StaticServer> {
  const handle = createAppProtocolHandler({ rootDir, csp: CONTENT_SECURITY_POLICY, readFile });

  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '/').replace(/^\/+/, '');
      // Chromium asks for a favicon on its own; Electron never does, so its absence is no error.
      const answer = await handle({ url: `${APP_ORIGIN_PREFIX}${path}`, method: request.method ?? 'GET' });
      if (answer.status === 404 && path === 'favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      let body = Buffer.from(await answer.arrayBuffer());
      const headers = Object.fromEntries(answer.headers.entries());
      if (answer.status >= 400 && body.length === 0) {
        // Chromium turns a bodiless error into its own error page, which derails the next navigation.
        body = Buffer.from(`${answer.status}\n`);
        headers['content-type'] = 'text/plain; charset=utf-8';
      }
      response.writeHead(answer.status, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
      if (answer.status >= 400) onFailure(`${request.method} ${request.url} → ${answer.status}`);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      onFailure(`${request.method} ${request.url} → 500`);
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
