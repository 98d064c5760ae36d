import { WARCRecord, WARCSerializer } from 'warcio';

/** A page or asset of the built site as a web archive records it: under its published URL. */
export interface CapturedResource {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  const ext = file.slice(file.lastIndexOf('.'));
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** The published URL of a built file: "documents/x/index.html" → "<origin><base>documents/x/". */
export function publishedUrl(file: string, origin: string, base: string): string {
  const page = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
  return `${origin}${base}${page}`;
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** A gzipped WARC 1.1 file: one warcinfo record, then a response record per resource. */
export async function warc(
  resources: readonly CapturedResource[],
  info: { filename: string; date: Date; software: string },
): Promise<Uint8Array> {
  const warcVersion = 'WARC/1.1' as const;
  const date = info.date.toISOString();
  const chunks: Uint8Array[] = [];
  const warcinfo = await WARCRecord.createWARCInfo(
    { filename: info.filename, warcVersion },
    { software: info.software, format: 'WARC File Format 1.1', datetime: date },
  );
  chunks.push(await WARCSerializer.serialize(warcinfo, { gzip: true }));
  for (const r of resources) {
    const record = WARCRecord.create(
      {
        url: r.url,
        date,
        type: 'response',
        warcVersion,
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': r.contentType, 'Content-Length': String(r.bytes.length) },
      },
      once(r.bytes),
    );
    chunks.push(await WARCSerializer.serialize(record, { gzip: true }));
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
