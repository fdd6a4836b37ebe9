// A tiny static server for a built copy of the app, with the same security headers as
// `vite preview` (vite.config.ts's securityHeaders), for tests that must change the files
// being served while a page is open (a new deploy arriving mid-scan). The headers are read
// from the running preview server: importing vite.config.ts here fails, because it uses
// __dirname, which Node's ES modules do not define.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bin': 'application/octet-stream',
};

/** Response headers that carry the app's security policy. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
  'referrer-policy',
  'permissions-policy',
  'x-content-type-options',
];

/** The security headers a server (the configured `vite preview`) sends with the app's page. */
export async function securityHeadersOf(url: string): Promise<Record<string, string>> {
  const response = await fetch(url);
  await response.arrayBuffer();
  const headers: Record<string, string> = {};
  for (const name of SECURITY_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  return headers;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` on a free localhost port; files are read on every request, so they can be swapped. */
export async function serveStatic(root: string, securityHeaders: Record<string, string>): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      // Like vite preview: an unknown path without an extension is a page of the app.
      if (extname(path) === '') file = join(root, 'index.html');
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        ...securityHeaders,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, securityHeaders).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
