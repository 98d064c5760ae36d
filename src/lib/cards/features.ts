/**
 * The two OpenType layout features a card's Latin text needs, read from the raw GSUB and GPOS
 * tables: standard ligatures (`liga`: fi, fl, ff) and pair kerning (`kern`). opentype.js 2.0
 * cannot apply either to these fonts: their kerning sits in extension lookups it does not read,
 * and its shaper stops at a contextual `ccmp` lookup of Source Sans 3. What is left out (mark
 * positioning, contextual kerning, a second glyph's adjustment) does not occur in, or barely
 * moves, precomposed Latin text.
 */

/** Kerning between two glyphs, in font units (negative pulls them together). */
export type PairKerning = (left: number, right: number) => number;

/** One glyph after ligature substitution, and how many glyphs of the input it replaces. */
export interface LigatedGlyph {
  glyph: number;
  length: number;
}

/** Ligature substitution over a run of glyphs of one font. */
export type Ligate = (glyphs: readonly number[]) => LigatedGlyph[];

type Reader = DataView;

const u16 = (r: Reader, at: number) => r.getUint16(at);

function tagAt(r: Reader, at: number): string {
  return String.fromCharCode(
    r.getUint8(at),
    r.getUint8(at + 1),
    r.getUint8(at + 2),
    r.getUint8(at + 3),
  );
}

function reader(table: Uint8Array): Reader {
  return new DataView(table.buffer, table.byteOffset, table.byteLength);
}

/** Index of `glyph` in a Coverage table, or -1. */
function coverageIndex(r: Reader, at: number, glyph: number): number {
  const format = u16(r, at);
  let lo = 0;
  let hi = u16(r, at + 2) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (format === 1) {
      const g = u16(r, at + 4 + mid * 2);
      if (g === glyph) return mid;
      if (g < glyph) lo = mid + 1;
      else hi = mid - 1;
    } else {
      const rec = at + 4 + mid * 6;
      const start = u16(r, rec);
      if (glyph < start) hi = mid - 1;
      else if (glyph > u16(r, rec + 2)) lo = mid + 1;
      else return u16(r, rec + 4) + glyph - start;
    }
  }
  return -1;
}

/** The class of `glyph` in a ClassDef table; glyphs it does not list are class 0. */
function glyphClass(r: Reader, at: number, glyph: number): number {
  if (u16(r, at) === 1) {
    const start = u16(r, at + 2);
    const count = u16(r, at + 4);
    return glyph >= start && glyph < start + count ? u16(r, at + 6 + (glyph - start) * 2) : 0;
  }
  let lo = 0;
  let hi = u16(r, at + 2) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const rec = at + 4 + mid * 6;
    if (glyph < u16(r, rec)) hi = mid - 1;
    else if (glyph > u16(r, rec + 2)) lo = mid + 1;
    else return u16(r, rec + 4);
  }
  return 0;
}

/**
 * The subtables of a feature's lookups for Latin (or the default script), in lookup order, with
 * extension wrappers resolved; only lookups of `type` (or extensions of it) are kept. GSUB and
 * GPOS share this header layout; `extensionType` is 7 in GSUB and 9 in GPOS.
 */
function featureSubtables(r: Reader, feature: string, type: number, extensionType: number) {
  const scriptList = u16(r, 4);
  const featureList = u16(r, 6);
  const lookupList = u16(r, 8);
  const scripts = new Map<string, number>();
  for (let i = 0; i < u16(r, scriptList); i++) {
    const rec = scriptList + 2 + i * 6;
    scripts.set(tagAt(r, rec), scriptList + u16(r, rec + 4));
  }
  const script = scripts.get('latn') ?? scripts.get('DFLT');
  if (script === undefined || u16(r, script) === 0) return [];
  const langSys = script + u16(r, script);
  const lookups = new Set<number>();
  for (let i = 0; i < u16(r, langSys + 4); i++) {
    const rec = featureList + 2 + u16(r, langSys + 6 + i * 2) * 6;
    if (tagAt(r, rec) !== feature) continue;
    const table = featureList + u16(r, rec + 4);
    for (let j = 0; j < u16(r, table + 2); j++) lookups.add(u16(r, table + 4 + j * 2));
  }
  return [...lookups]
    .sort((a, b) => a - b)
    .map((index) => {
      const lookup = lookupList + u16(r, lookupList + 2 + index * 2);
      const lookupType = u16(r, lookup);
      const subtables: number[] = [];
      for (let i = 0; i < u16(r, lookup + 4); i++) {
        const sub = lookup + u16(r, lookup + 6 + i * 2);
        if (lookupType === type) subtables.push(sub);
        else if (lookupType === extensionType && u16(r, sub + 2) === type) {
          subtables.push(sub + r.getUint32(sub + 4));
        }
      }
      return subtables;
    });
}

/** Bytes of a ValueRecord with this format: two for each field it has. */
function valueSize(format: number): number {
  let size = 0;
  for (let bits = format; bits; bits >>= 1) size += (bits & 1) * 2;
  return size;
}

/** The XAdvance of a ValueRecord, 0 when the format has none. */
function xAdvance(r: Reader, at: number, format: number): number {
  return format & 0x4 ? r.getInt16(at + valueSize(format & 0x3)) : 0;
}

/**
 * One PairPos subtable applied to a pair: the adjustment, or undefined when the subtable does not
 * cover the pair and the next one should be tried (as HarfBuzz does).
 */
function pairAdjustment(r: Reader, at: number, left: number, right: number): number | undefined {
  const format = u16(r, at);
  const index = coverageIndex(r, at + u16(r, at + 2), left);
  if (index < 0) return undefined;
  const format1 = u16(r, at + 4);
  const format2 = u16(r, at + 6);
  if (format === 1) {
    const set = at + u16(r, at + 10 + index * 2);
    const recordSize = 2 + valueSize(format1) + valueSize(format2);
    let lo = 0;
    let hi = u16(r, set) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const rec = set + 2 + mid * recordSize;
      const second = u16(r, rec);
      if (second === right) return xAdvance(r, rec + 2, format1);
      if (second < right) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
  if (format === 2) {
    const class1 = glyphClass(r, at + u16(r, at + 8), left);
    const class2 = glyphClass(r, at + u16(r, at + 10), right);
    const class2Count = u16(r, at + 14);
    if (class1 >= u16(r, at + 12) || class2 >= class2Count) return undefined;
    const recordSize = valueSize(format1) + valueSize(format2);
    return xAdvance(r, at + 16 + (class1 * class2Count + class2) * recordSize, format1);
  }
  return undefined;
}

/** Pair kerning over a GPOS table; pairs are memoized, as cards ask for the same few again. */
export function gposKerning(gpos: Uint8Array | undefined): PairKerning {
  if (!gpos) return () => 0;
  const r = reader(gpos);
  const lookups = featureSubtables(r, 'kern', 2, 9);
  const memo = new Map<number, number>();
  return (left, right) => {
    const key = left * 65536 + right;
    let value = memo.get(key);
    if (value === undefined) {
      value = 0;
      for (const subtables of lookups) {
        for (const sub of subtables) {
          const adjustment = pairAdjustment(r, sub, left, right);
          if (adjustment !== undefined) {
            value += adjustment;
            break;
          }
        }
      }
      memo.set(key, value);
    }
    return value;
  };
}

/** A ligature: the glyph and the glyphs after the first that it joins. */
interface Ligature {
  glyph: number;
  rest: number[];
}

/** Every `liga` ligature by its first glyph, in the font's order of preference (longest first). */
function ligatureTable(r: Reader): Map<number, Ligature[]> {
  const byFirst = new Map<number, Ligature[]>();
  for (const subtables of featureSubtables(r, 'liga', 4, 7)) {
    for (const sub of subtables) {
      const coverage = sub + u16(r, sub + 2);
      const covered = coveredGlyphs(r, coverage);
      covered.forEach((first, index) => {
        const set = sub + u16(r, sub + 6 + index * 2);
        for (let i = 0; i < u16(r, set); i++) {
          const lig = set + u16(r, set + 2 + i * 2);
          const rest = Array.from({ length: u16(r, lig + 2) - 1 }, (_, k) =>
            u16(r, lig + 4 + k * 2),
          );
          const list = byFirst.get(first) ?? [];
          list.push({ glyph: u16(r, lig), rest });
          byFirst.set(first, list);
        }
      });
    }
  }
  return byFirst;
}

/** The glyphs a Coverage table lists, in coverage-index order. */
function coveredGlyphs(r: Reader, at: number): number[] {
  const glyphs: number[] = [];
  const count = u16(r, at + 2);
  for (let i = 0; i < count; i++) {
    if (u16(r, at) === 1) glyphs.push(u16(r, at + 4 + i * 2));
    else {
      const rec = at + 4 + i * 6;
      for (let g = u16(r, rec); g <= u16(r, rec + 2); g++)
        glyphs[u16(r, rec + 4) + g - u16(r, rec)] = g;
    }
  }
  return glyphs;
}

/** Standard ligatures over a GSUB table, each glyph taking the first ligature that matches. */
export function gsubLigatures(gsub: Uint8Array | undefined): Ligate {
  const table = gsub ? ligatureTable(reader(gsub)) : new Map<number, Ligature[]>();
  return (glyphs) => {
    const out: LigatedGlyph[] = [];
    for (let i = 0; i < glyphs.length;) {
      const match = table
        .get(glyphs[i]!)
        ?.find((lig) => lig.rest.every((g, k) => glyphs[i + 1 + k] === g));
      const length = match ? match.rest.length + 1 : 1;
      out.push({ glyph: match ? match.glyph : glyphs[i]!, length });
      i += length;
    }
    return out;
  };
}
