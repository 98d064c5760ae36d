import type { CardFont } from './font.ts';

/**
 * Text to positioned glyphs, and greedy wrapping of them into lines, as a browser (or satori)
 * sets a `white-space: normal` paragraph: runs of whitespace collapse to one space, a line breaks
 * at a space or after a dash, and a word longer than the line overflows it. Pure.
 */

export interface TextStyle {
  /** Fonts in fallback order: each character is set in the first that has a glyph for it. */
  fonts: readonly CardFont[];
  /** Font size, px. */
  size: number;
  /** Extra space after each glyph, px (CSS letter-spacing). */
  letterSpacing: number;
}

export interface PlacedGlyph {
  font: CardFont;
  glyph: number;
  /** Pen position, px from the start of the line. */
  x: number;
}

export interface TextLine {
  /** The characters the line draws. */
  text: string;
  glyphs: PlacedGlyph[];
  /** From the line's start to the end of its last glyph's advance, px. */
  width: number;
}

interface ShapedGlyph extends PlacedGlyph {
  /** Advance with kerning left out, letter spacing included, px. */
  advance: number;
  /** The first character the glyph draws, and its index among the text's characters. */
  char: string;
  charIndex: number;
}

/** The font of each character: the first of the stack that has it, else the first (its .notdef). */
function fontFor(char: string, fonts: readonly CardFont[]): CardFont {
  return fonts.find((font) => font.glyphIndex(char) > 0) ?? fonts[0]!;
}

/**
 * Glyphs of a text with their pen positions. Ligatures and kerning apply within a run of one
 * font, as HarfBuzz shapes each font's run on its own.
 */
function shape(
  text: string,
  style: TextStyle,
): { chars: string[]; glyphs: ShapedGlyph[]; width: number } {
  const chars = [...text];
  const glyphs: ShapedGlyph[] = [];
  let pen = 0;
  for (let start = 0; start < chars.length;) {
    const font = fontFor(chars[start]!, style.fonts);
    let end = start + 1;
    while (end < chars.length && fontFor(chars[end]!, style.fonts) === font) end++;
    const scale = style.size / font.unitsPerEm;
    const ligated = font.ligate(chars.slice(start, end).map((c) => font.glyphIndex(c)));
    let at = start;
    ligated.forEach(({ glyph, length }, i) => {
      const advance = font.advance(glyph) * scale + style.letterSpacing;
      glyphs.push({ font, glyph, x: pen, advance, char: chars[at]!, charIndex: at });
      pen += advance;
      const next = ligated[i + 1];
      if (next) pen += font.kerning(glyph, next.glyph) * scale;
      at += length;
    });
    start = end;
  }
  return { chars, glyphs, width: pen };
}

/** Whitespace as `white-space: normal` leaves it: runs collapsed to a space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** Width of a text set on one line, px: the pen position after its last glyph. */
export function measureText(text: string, style: TextStyle): number {
  return shape(text, style).width;
}

const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);

/** Where a line may end (`end`, exclusive) and the next begin (`next`), by glyph index. */
interface BreakOpportunity {
  end: number;
  next: number;
}

function breakOpportunities(glyphs: readonly ShapedGlyph[]): BreakOpportunity[] {
  const breaks: BreakOpportunity[] = [];
  glyphs.forEach((g, i) => {
    const next = glyphs[i + 1];
    // A space ends the line before it and is dropped; a dash stays at the end of its line.
    if (g.char === ' ') breaks.push({ end: i, next: i + 1 });
    else if (DASHES.has(g.char) && next && next.char !== ' ' && i > 0) {
      breaks.push({ end: i + 1, next: i + 1 });
    }
  });
  breaks.push({ end: glyphs.length, next: glyphs.length });
  return breaks;
}

/** The text in lines no wider than `maxWidth`, filled greedily; glyph x from each line's start. */
export function wrapText(text: string, style: TextStyle, maxWidth: number): TextLine[] {
  const { chars, glyphs } = shape(collapseWhitespace(text), style);
  const breaks = breakOpportunities(glyphs);
  const width = (start: number, end: number) =>
    end > start ? glyphs[end - 1]!.x + glyphs[end - 1]!.advance - glyphs[start]!.x : 0;
  const lines: TextLine[] = [];
  let start = 0;
  let b = 0;
  while (start < glyphs.length) {
    let chosen: BreakOpportunity | undefined;
    for (; b < breaks.length; b++) {
      const candidate = breaks[b]!;
      if (candidate.end <= start) continue;
      const fits = width(start, candidate.end) <= maxWidth;
      if (!fits && chosen) break;
      chosen = candidate;
      // A first word wider than the line still gets a line of its own, which it overflows.
      if (!fits) {
        b++;
        break;
      }
    }
    const end = chosen!.end;
    const x0 = glyphs[start]!.x;
    lines.push({
      text: chars.slice(glyphs[start]!.charIndex, glyphs[end]?.charIndex ?? chars.length).join(''),
      glyphs: glyphs.slice(start, end).map((g) => ({ font: g.font, glyph: g.glyph, x: g.x - x0 })),
      width: width(start, end),
    });
    start = chosen!.next;
  }
  return lines;
}
