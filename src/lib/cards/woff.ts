import { inflateSync } from 'node:zlib';

/**
 * One table of a WOFF 1.0 font, uncompressed. opentype.js parses most of what the cards need,
 * but not the extension lookups that hold these fonts' kerning, so GPOS is read from the raw
 * table (gpos.ts).
 */
export function woffTable(woff: Uint8Array, tag: string): Uint8Array | undefined {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
  const numTables = view.getUint16(12);
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const entryTag = String.fromCharCode(...woff.subarray(entry, entry + 4));
    if (entryTag !== tag) continue;
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    // WOFF stores a table as is when compressing it would not make it smaller.
    return compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored;
  }
  return undefined;
}
