import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A static host for a built site, gzip on like any production host, logging every response so
 * that page weight is counted from what was actually sent.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
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
};

/** What a host would compress: text formats and WebAssembly. Images, fonts and Pagefind's index
 * files (gzip already) go as they are. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm|manifest)|image\/svg)/;

/** One response, as the browser received it. */
export interface Served {
  path: string;
  status: number;
  contentType: string;
  /** Body size before compression. */
  rawBytes: number;
  /** Body bytes sent (compressed when the type is compressible and the client accepts gzip). */
  bodyBytes: number;
  /** Status line and headers. */
  headerBytes: number;
  /** When it was served, on this process's performance clock. */
  at: number;
}

export interface Server {
  origin: string;
  /** Every response since start or the last `reset()`. */
  log: Served[];
  reset(): void;
  close(): Promise<void>;
}

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Serves `root` on 127.0.0.1 at a free port: `/x/` is `/x/index.html`, a miss is a 404. */
export async function serve(root: string): Promise<Server> {
  const dir = resolve(root);
  const gzipCache = new Map<string, Buffer>();
  const log: Served[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = join(dir, pathname);
    let status = 200;
    let body: Buffer;
    let type: string;
    if (file.startsWith(dir + sep) && (await isFile(file))) {
      body = await readFile(file);
      type = contentType(file);
    } else if (!extname(pathname) && (await isFile(`${file}/index.html`))) {
      res.writeHead(301, { location: `${url.pathname}/` }).end();
      return;
    } else {
      status = 404;
      const page = join(dir, '404.html');
      body = (await isFile(page)) ? await readFile(page) : Buffer.from('Not found');
      type = 'text/html; charset=utf-8';
    }
    const headers: Record<string, string | number> = {
      'content-type': type,
      'cache-control': 'no-cache',
    };
    let sent = body;
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      const key = `${file}:${status}`;
      sent = gzipCache.get(key) ?? gzipSync(body);
      gzipCache.set(key, sent);
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
    }
    headers['content-length'] = sent.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : sent);
    // Node keeps the header block it wrote (with Date, Connection, Keep-Alive) in `_header`.
    const headerText = (res as unknown as { _header?: string })._header ?? '';
    log.push({
      path: url.pathname,
      status,
      contentType: type,
      rawBytes: body.length,
      bodyBytes: sent.length,
      headerBytes: Buffer.byteLength(headerText),
      at: performance.now(),
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    reset: () => void log.splice(0),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
