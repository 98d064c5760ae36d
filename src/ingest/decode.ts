import { refuse } from './refusal.ts';

/** Largest source accepted, in bytes. Policy documents are tens of kilobytes; 8 MiB leaves room
 * for long reports while refusing dumps that would make pages unreadable. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export interface RemovedCharacter {
  codePoint: string;
  name: string;
  count: number;
}

export interface DecodedText {
  /** The text, with LF line endings and without the removed characters. */
  text: string;
  /** How the bytes were read: utf-8, utf-8-bom, utf-16le, utf-16be or windows-1252. */
  encoding: string;
  /** Characters removed because they are invisible and break text, with counts. */
  removed: RemovedCharacter[];
}

const SIGNATURES: Array<{ name: string; bytes: number[] }> = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP or RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'a PDF file', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a ZIP archive (or an Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Invisible characters that corrupt text when kept: removed, and counted in the entry. */
const REMOVABLE: Record<number, string> = {
  0xfeff: 'byte order mark (mid-text)',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x00ad: 'soft hyphen',
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Detects the encoding of raw bytes and returns clean text, or refuses input that is not text. */
export function decode(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_SOURCE_BYTES) {
    refuse(
      `too large: ${bytes.length} bytes, the limit is ${MAX_SOURCE_BYTES} bytes (8 MiB); split the document`,
    );
  }
  for (const signature of SIGNATURES) {
    if (bytes.length >= signature.bytes.length && startsWith(bytes, signature.bytes)) {
      refuse(`binary input: this is ${signature.name}, not a text document`);
    }
  }

  let encoding: string;
  let raw: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8-bom';
    raw = decodeStrict('utf-8', bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    raw = decodeStrict('utf-16le', bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    raw = decodeStrict('utf-16be', bytes.subarray(2));
  } else if (looksLikeUtf16(bytes)) {
    // UTF-16 saved without a byte order mark: ASCII letters alternate with NUL bytes.
    encoding = bytes[0] === 0 ? 'utf-16be' : 'utf-16le';
    raw = decodeStrict(encoding, bytes);
  } else {
    if (bytes.includes(0)) refuse('binary input: NUL bytes in a file that is not UTF-16');
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== undefined) {
      encoding = 'utf-8';
      raw = utf8;
    } else {
      // Not valid UTF-8: legacy single-byte text. Windows-1252 is a superset of Latin-1's printable
      // range and is what "Latin-1" files from the web almost always are.
      encoding = 'windows-1252';
      raw = new TextDecoder('windows-1252').decode(bytes);
    }
  }

  const controls = raw.match(CONTROL)?.length ?? 0;
  if (controls > 16 && controls / raw.length > 0.01) {
    refuse(`binary input: ${controls} control characters in ${raw.length} characters`);
  }
  const { text, removed } = normalizeText(raw);
  if (/^[\s\u00a0]*$/.test(text)) refuse('empty: the file has no text, only whitespace');
  return { text, encoding, removed };
}

/** Most odd (or even) bytes are NUL and the others are not: UTF-16 text in the Latin range. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return false;
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  return (
    (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) ||
    (evenNul > pairs * 0.6 && oddNul < pairs * 0.05)
  );
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeStrict(label: string, bytes: Uint8Array): string {
  const text = tryDecode(label, bytes);
  if (text === undefined)
    refuse(`not valid ${label.toUpperCase()} although it starts with its byte order mark`);
  return text;
}

// C0 controls other than tab and newline (CR is handled as a line ending first), and DEL.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const INVISIBLE = new RegExp(
  `[${Object.keys(REMOVABLE)
    .map((cp) => `\\u${Number(cp).toString(16).padStart(4, '0')}`)
    .join('')}]|${CONTROL.source}`,
  'g',
);

/** Normalizes line endings to LF and removes control characters and the invisible characters
 * listed in REMOVABLE, counting each kind so the entry can say what was removed. */
export function normalizeText(raw: string): { text: string; removed: RemovedCharacter[] } {
  const counts = new Map<number, number>();
  // A form feed (page break) separates lines; deleting it would glue two lines together.
  const text = raw.replace(/\r\n?|\f/g, '\n').replace(INVISIBLE, (ch) => {
    const cp = ch.codePointAt(0)!;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
    return '';
  });
  const removed = [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cp, count]) => ({
      codePoint: hex(cp),
      name: REMOVABLE[cp] ?? (cp === 0 ? 'NUL' : 'control character'),
      count,
    }));
  return { text, removed };
}
