// The part of opentype.js 2.0 the cards use. The package ships no types, and its ES module is
// imported by path because its `main` is a UMD bundle without named exports.
declare module 'opentype.js/dist/opentype.mjs' {
  export interface PathCommand {
    type: 'M' | 'L' | 'Q' | 'C' | 'Z';
    x?: number;
    y?: number;
    x1?: number;
    y1?: number;
    x2?: number;
    y2?: number;
  }

  export interface Glyph {
    index: number;
    advanceWidth?: number;
    /** The outline in font units, y up. */
    path: { commands: PathCommand[] };
  }

  export interface Font {
    unitsPerEm: number;
    /** hhea ascender and descender, font units. */
    ascender: number;
    descender: number;
    numGlyphs: number;
    glyphs: { get(index: number): Glyph };
    charToGlyphIndex(char: string): number;
    getAdvanceWidth(
      text: string,
      fontSize: number,
      options?: { kerning?: boolean; features?: Record<string, boolean> },
    ): number;
  }

  export function parse(buffer: ArrayBuffer): Font;
}
