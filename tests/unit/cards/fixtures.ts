import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzlibSync } from 'fflate';
import { parse } from 'yaml';

/** The real documents' titles, read from their frontmatter. */
export function documentTitles(): string[] {
  const dir = path.resolve('src/content/documents');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const source = readFileSync(path.join(dir, name), 'utf8');
      const frontmatter = source.match(/^---\n([\s\S]*?)\n---/)?.[1];
      if (!frontmatter) throw new Error(`${name} has no frontmatter`);
      return String((parse(frontmatter) as { title: string }).title);
    });
}

/**
 * A minimal PNG reader for the tests, independent of the encoder: chunks and their CRCs, IHDR,
 * PLTE, and IDAT inflated with fflate (not node:zlib, which the encoder uses). Only what the
 * cards are: 8-bit palette, no interlace; every row's filter must be 0.
 */
export interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  palette: Uint8Array;
  /** Palette index of each pixel, row by row. */
  pixels: Uint8Array;
  chunks: string[];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function decodePng(file: Uint8Array): DecodedPng {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => file[i] === b)) throw new Error('no PNG signature');
  const chunks: string[] = [];
  const idat: Uint8Array[] = [];
  let header: DataView | undefined;
  let palette: Uint8Array = new Uint8Array(0);
  for (let at = 8; at < file.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const data = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new Error(`${type} CRC mismatch`);
    }
    chunks.push(type);
    if (type === 'IHDR') header = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (type === 'PLTE') palette = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  const compressed = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  idat.reduce((at, d) => (compressed.set(d, at), at + d.length), 0);
  const raw = unzlibSync(compressed);
  if (raw.length !== height * (width + 1)) throw new Error(`IDAT holds ${raw.length} bytes`);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * (width + 1)] !== 0) throw new Error(`row ${y} uses filter ${raw[y * (width + 1)]}`);
    pixels.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return {
    width,
    height,
    bitDepth: header.getUint8(8),
    colorType: header.getUint8(9),
    palette,
    pixels,
    chunks,
  };
}

/** The RGB colour of a pixel of a decoded palette PNG, as #rrggbb. */
export function pixelColor(png: DecodedPng, x: number, y: number): string {
  const index = png.pixels[y * png.width + x]!;
  const rgb = png.palette.subarray(index * 3, index * 3 + 3);
  return `#${[...rgb].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
