import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import {
  answerStatic,
  contentType,
  listenLocally,
  statusText,
  type StaticServer,
} from '../tests/site/helpers/server.ts';

/**
 * A static host for a built site, answering as the site tests' server does but with gzip on like
 * any production host, and logging every response so that page weight is counted from what was
 * actually sent.
 */

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

export interface Server extends StaticServer {
  /** Every response since start or the last `reset()`. */
  log: Served[];
  reset(): void;
}

/** Serves `root` on 127.0.0.1 at a free port: `/x/` is `/x/index.html`, a miss is a 404. */
export async function serve(root: string): Promise<Server> {
  const gzipCache = new Map<string, Buffer>();
  const log: Served[] = [];

  const server = await listenLocally(async (req, res) => {
    const { status, file, location } = await answerStatic(root, req);
    if (location) {
      res.writeHead(status, { location }).end();
      return;
    }
    const body = file ? await readFile(file) : Buffer.from(statusText(status));
    const type = file ? contentType(file) : 'text/plain; charset=utf-8';
    const headers: Record<string, string | number> = {
      'content-type': type,
      'cache-control': 'no-cache',
    };
    let sent: Buffer = body;
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
      path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
      status,
      contentType: type,
      rawBytes: body.length,
      bodyBytes: sent.length,
      headerBytes: Buffer.byteLength(headerText),
      at: performance.now(),
    });
  });
  return { ...server, log, reset: () => void log.splice(0) };
}
