import { parse, type PathCommand } from 'opentype.js/dist/opentype.mjs';
import { gposKerning, gsubLigatures, type Ligate, type PairKerning } from './features.ts';
import { woffTable } from './woff.ts';

export type { PathCommand };

/**
 * What the card renderer needs of one font file: metrics, the character map, advances, the two
 * layout features, and outlines. opentype.js reads the file; features.ts reads what it cannot.
 */
export interface CardFont {
  /** The file it came from: names the font in glyph-cache keys. */
  name: string;
  unitsPerEm: number;
  /** hhea ascender and descender, font units (the descender is negative). */
  ascender: number;
  descender: number;
  /** The glyph of a character (one code point), 0 when the font has none. */
  glyphIndex(char: string): number;
  /** Advance width of a glyph, font units. */
  advance(glyph: number): number;
  kerning: PairKerning;
  ligate: Ligate;
  /** The glyph's outline in font units, y up. */
  outline(glyph: number): readonly PathCommand[];
}

/** A CardFont from the bytes of a WOFF file. */
export function parseCardFont(name: string, woff: Uint8Array): CardFont {
  const buffer = woff.buffer.slice(woff.byteOffset, woff.byteOffset + woff.byteLength);
  const font = parse(buffer as ArrayBuffer);
  const cmap = new Map<string, number>();
  return {
    name,
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascender,
    descender: font.descender,
    glyphIndex(char) {
      let index = cmap.get(char);
      if (index === undefined) {
        index = font.charToGlyphIndex(char) || 0;
        cmap.set(char, index);
      }
      return index;
    },
    advance: (glyph) => font.glyphs.get(glyph).advanceWidth ?? 0,
    kerning: gposKerning(woffTable(woff, 'GPOS')),
    ligate: gsubLigatures(woffTable(woff, 'GSUB')),
    outline: (glyph) => font.glyphs.get(glyph).path.commands,
  };
}
