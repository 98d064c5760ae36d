import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** What a plain static host answers to a GET: a file to send, a redirect, or an error. */
export interface StaticAnswer {
  status: number;
  /** The file whose bytes are the body (the site's 404.html for a miss, when it has one). */
  file?: string;
  /** Where a 301 points. */
  location?: string;
}

async function fileAt(p: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(p);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/**
 * Answer `req` from `root` like a plain static host: `/dir/` serves `/dir/index.html`, `/dir`
 * redirects to `/dir/`, anything missing is a 404 (with 404.html as the body when the site has
 * one), and nothing outside `root` is served.
 */
export async function answerStatic(root: string, req: IncomingMessage): Promise<StaticAnswer> {
  const rootDir = path.resolve(root);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  const target = path.join(rootDir, pathname);
  if (target !== rootDir && !target.startsWith(rootDir + path.sep)) return { status: 403 };
  const kind = await fileAt(target);
  if (kind === 'file') return { status: 200, file: target };
  if (kind === 'dir') {
    if (!url.pathname.endsWith('/')) {
      return { status: 301, location: `${url.pathname}/${url.search}` };
    }
    const index = path.join(target, 'index.html');
    if ((await fileAt(index)) === 'file') return { status: 200, file: index };
  }
  const notFound = path.join(rootDir, '404.html');
  return (await fileAt(notFound)) === 'file' ? { status: 404, file: notFound } : { status: 404 };
}

/** The plain-text body of an answer that has no file. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? String(status);
}

/** A server on 127.0.0.1. */
export interface StaticServer {
  /** Origin without trailing slash, e.g. http://127.0.0.1:40123 */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on 127.0.0.1 at a free port; an error thrown by `handle` becomes a 500. */
export async function listenLocally(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<StaticServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Serve `root` as `answerStatic` says, uncompressed and never cached. */
export async function startStaticServer(root: string): Promise<StaticServer> {
  return listenLocally(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { status, file, location } = await answerStatic(root, req);
    if (location) {
      res.writeHead(status, { location }).end();
    } else if (!file) {
      res
        .writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
        .end(statusText(status));
    } else {
      res.writeHead(status, {
        'content-type': contentType(file),
        'content-length': (await stat(file)).size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    }
  });
}
