import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decode, MAX_SOURCE_BYTES } from '../../../src/ingest/decode.ts';
import { Refusal } from '../../../src/ingest/refusal.ts';
import {
  concat,
  fixtureBytes,
  SOURCE_KEYS,
  sourceBytes,
  sourceText,
  toUtf16,
  toWindows1252,
  utf8,
} from './helpers.ts';

/** The message of the Refusal that `run` throws; fails the test if it throws anything else. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    return (error as Refusal).message;
  }
  throw new Error('expected a Refusal, but nothing was thrown');
}

describe('decode: encodings of the real sources', () => {
  it.each(SOURCE_KEYS)('%s: UTF-8 without a BOM is read as is', (key) => {
    const decoded = decode(sourceBytes(key));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(sourceText(key));
    expect(decoded.removed).toEqual([]);
  });

  it.each(SOURCE_KEYS)('%s: UTF-8 with a BOM gives the same text, the BOM not counted', (key) => {
    const decoded = decode(concat(new Uint8Array([0xef, 0xbb, 0xbf]), sourceBytes(key)));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text).toBe(sourceText(key));
    expect(decoded.removed).toEqual([]);
  });

  it.each(SOURCE_KEYS)('%s: UTF-16 LE and BE with a BOM give the same text', (key) => {
    const le = decode(toUtf16(sourceText(key), 'le'));
    const be = decode(toUtf16(sourceText(key), 'be'));
    expect([le.encoding, be.encoding]).toEqual(['utf-16le', 'utf-16be']);
    expect(le.text).toBe(sourceText(key));
    expect(be.text).toBe(sourceText(key));
    expect([le.removed, be.removed]).toEqual([[], []]);
  });

  it.each(SOURCE_KEYS)('%s: re-encoded as Windows-1252, it decodes to the UTF-8 text', (key) => {
    const bytes = toWindows1252(sourceText(key));
    // The fixture really is legacy text: not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(sourceText(key));
  });

  it('Windows-1252 curly quotes, dashes and no-break spaces come back as the same characters', () => {
    const eastWest = toWindows1252(sourceText('eastWest'));
    const diplomat = toWindows1252(sourceText('diplomat'));
    // ’ is 0x92 and — is 0x97 in Windows-1252; “ ” – and no-break space are 0x93 0x94 0x96 0xA0.
    expect(eastWest).toContain(0x92);
    expect(eastWest).toContain(0x97);
    for (const byte of [0x93, 0x94, 0x96, 0xa0]) expect(diplomat).toContain(byte);
    expect(decode(eastWest).text).toContain('An Experts’ Group');
    expect(decode(eastWest).text).toContain('also offered—one that seeks');
    expect(decode(diplomat).text).toContain('“Central Asia – 2040”');
  });
});

describe('decode: line endings and invisible characters', () => {
  it.each(SOURCE_KEYS)('%s: CRLF and CR line endings become LF', (key) => {
    const text = sourceText(key);
    expect(text).not.toContain('\r');
    const crlf = decode(utf8(text.replace(/\n/g, '\r\n')));
    const cr = decode(utf8(text.replace(/\n/g, '\r')));
    expect(crlf.text).toBe(text);
    expect(cr.text).toBe(text);
    expect([crlf.removed, cr.removed]).toEqual([[], []]);
  });

  it('mixed line endings in one file become LF', () => {
    const lines = sourceText('natoReview').split('\n');
    // A blank line after a lone CR ends in CRLF: CR then LF would read as one CRLF line ending.
    const mixed = lines.map((l, i) => l + (l ? ['\r\n', '\r', '\n'][i % 3] : '\r\n')).join('');
    expect(mixed).toMatch(/[^\r\n]\r[^\n]/);
    expect(mixed).toMatch(/[^\r]\n/);
    expect(decode(utf8(mixed)).text).toBe(lines.join('\n') + '\n');
  });

  it('a stray BOM inside the text is removed and counted; a leading one is not counted', () => {
    const text = sourceText('natoReview');
    const withBoms = text
      .split('\n')
      .map((l, i) => (i % 10 === 4 ? `\ufeff${l}` : l))
      .join('\n');
    const strays = (withBoms.match(/\ufeff/g) ?? []).length;
    expect(strays).toBe(5);
    const decoded = decode(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(withBoms)));
    expect(decoded.text).toBe(text);
    expect(decoded.removed).toEqual([
      { codePoint: 'U+FEFF', name: 'byte order mark (mid-text)', count: 5 },
    ]);
  });

  it('bidi embedding, override and isolate characters are removed and counted', () => {
    const text = sourceText('diplomat');
    const spoofed = text
      .replace('Birlestik-2024 (Alliance-2024)', '\u202eBirlestik-2024\u202c (Alliance-2024)')
      .replace('Kassym-Jomart Tokayev', '\u2067Kassym-Jomart\u2069 \u202bTokayev\u202c');
    const decoded = decode(utf8(spoofed));
    expect(decoded.text).toBe(text);
    expect(decoded.removed).toEqual([
      { codePoint: 'U+202B', name: 'right-to-left embedding', count: 1 },
      { codePoint: 'U+202C', name: 'pop directional formatting', count: 2 },
      { codePoint: 'U+202E', name: 'right-to-left override', count: 1 },
      { codePoint: 'U+2067', name: 'right-to-left isolate', count: 1 },
      { codePoint: 'U+2069', name: 'pop directional isolate', count: 1 },
    ]);
  });

  it('NUL characters in UTF-16 text are removed and counted', () => {
    const text = sourceText('commentary');
    const lines = text.split('\n');
    const withNuls = lines.map((l, i) => (i % 4 === 0 ? `${l}\u0000` : l)).join('\n');
    const decoded = decode(toUtf16(withNuls, 'le'));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe(text);
    expect(decoded.removed).toEqual([{ codePoint: 'U+0000', name: 'NUL', count: 5 }]);
  });

  it('a form feed becomes a line break; a few control characters are removed and counted; a flood is refused', () => {
    const text = sourceText('sipri');
    const paged = text.replace('Emphasize training\n', 'Emphasize training\f');
    expect(decode(utf8(paged))).toEqual({ text, encoding: 'utf-8', removed: [] });
    const bell = text.replace('Emphasize training\n', 'Emphasize training\u0007\n');
    expect(decode(utf8(bell))).toEqual({
      text,
      encoding: 'utf-8',
      removed: [{ codePoint: 'U+0007', name: 'control character', count: 1 }],
    });
    const flooded = text.replace(/ /g, ' \u0001');
    expect(refusal(() => decode(utf8(flooded)))).toMatch(/^binary input: \d+ control characters/);
  });
});

describe('decode: what is not a text document is refused', () => {
  it('NUL bytes in a file that has no UTF-16 byte order mark', () => {
    const text = sourceText('eastWest');
    const bytes = utf8(text.replace('Policy Report', 'Policy\u0000Report'));
    expect(refusal(() => decode(bytes))).toBe(
      'binary input: NUL bytes in a file that is not UTF-16',
    );
  });

  it('UTF-16 without its byte order mark is recognised by its pattern of NUL bytes', () => {
    const text = sourceText('eastWest');
    const le = decode(toUtf16(text, 'le').subarray(2));
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(text);
    const be = decode(toUtf16(text, 'be').subarray(2));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(text);
  });

  it('a PNG image', () => {
    expect(refusal(() => decode(fixtureBytes('pixel.png')))).toBe(
      'binary input: this is a PNG image, not a text document',
    );
  });

  it('a gzip archive of a real source', () => {
    const gz = new Uint8Array(gzipSync(sourceBytes('natoReview')));
    expect(refusal(() => decode(gz))).toBe(
      'binary input: this is a gzip archive, not a text document',
    );
  });

  it('ZIP and PDF files, even when text follows their signature', () => {
    const text = sourceBytes('sipri');
    const zip = concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), text);
    const pdf = concat(utf8('%PDF-1.7\n'), text);
    expect(refusal(() => decode(zip))).toMatch(/^binary input: this is a ZIP archive/);
    expect(refusal(() => decode(pdf))).toBe(
      'binary input: this is a PDF file, not a text document',
    );
  });

  it('bytes that are not valid UTF-16 after a UTF-16 byte order mark', () => {
    const odd = toUtf16(sourceText('eastWest'), 'le').subarray(0, 101);
    expect(refusal(() => decode(odd))).toBe(
      'not valid UTF-16LE although it starts with its byte order mark',
    );
  });

  it.each([
    ['an empty file', new Uint8Array()],
    ['spaces, tabs and newlines', utf8('  \n\t\r\n   \n')],
    ['no-break spaces', utf8('\u00a0\n\u00a0 \n')],
    ['a UTF-8 byte order mark alone', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['a UTF-16 byte order mark and blank lines', toUtf16('\n\n \n', 'be')],
    ['invisible characters only', utf8('\u202e\ufeff\n\u00ad')],
  ])('empty: %s', (_name, bytes) => {
    expect(refusal(() => decode(bytes))).toBe('empty: the file has no text, only whitespace');
  });
});

describe('decode: size', () => {
  /** The real source repeated, paragraphs apart, and padded with spaces to exactly `size` bytes. */
  function repeatedTo(size: number): Uint8Array {
    const unit = utf8(`${sourceText('natoReview')}\n\n`);
    const out = new Uint8Array(size).fill(0x20);
    for (let offset = 0; offset + unit.length <= size; offset += unit.length) out.set(unit, offset);
    return out;
  }

  it('refuses a file over MAX_SOURCE_BYTES and accepts one of exactly that size', () => {
    expect(MAX_SOURCE_BYTES).toBe(8 * 1024 * 1024);
    expect(refusal(() => decode(repeatedTo(MAX_SOURCE_BYTES + 1)))).toBe(
      `too large: ${MAX_SOURCE_BYTES + 1} bytes, the limit is ${MAX_SOURCE_BYTES} bytes (8 MiB); split the document`,
    );
    const decoded = decode(repeatedTo(MAX_SOURCE_BYTES));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith(sourceText('natoReview'))).toBe(true);
  });

  it('accepts a 200 KB paragraph on a single line', () => {
    const paragraph = sourceText('commentary').split('\n')[10]!;
    const line = Array.from(
      { length: Math.ceil(200_000 / paragraph.length) },
      () => paragraph,
    ).join(' ');
    expect(line.length).toBeGreaterThanOrEqual(200_000);
    const decoded = decode(utf8(line));
    expect(decoded.text).toBe(line);
    expect(decoded.text).not.toContain('\n');
  });

  it('accepts a real source repeated to about 3 MB', () => {
    const copies = Array.from({ length: 330 }, () => sourceText('natoReview')).join('\n\n');
    const bytes = utf8(copies);
    expect(bytes.length).toBeGreaterThan(3_000_000);
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(copies);
  });
});
