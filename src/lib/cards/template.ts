import type { CardFont } from './font.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
import type { CardSpec } from './spec.ts';
import { wrapText, type TextStyle } from './text.ts';

/**
 * The card's design, as a scene of solid rectangles and positioned glyphs (pure). It is the
 * flexbox the cards were first drawn with in satori, worked out by hand: an accent rule across
 * the top; then a column 72 px in from each side and 52 px from the rule and the foot, with the
 * kicker at its top, the publisher and the site's name at its foot under a hairline, and the
 * title halfway between. Line boxes and baselines follow satori's arithmetic (below), so text
 * sits where it did.
 */

/** The site's light palette (src/styles/global.css). */
export const COLORS = {
  bg: '#fbf8f2',
  text: '#1d1c1a',
  muted: '#5e574d',
  accent: '#1b5485',
  hairline: '#ddd5c8',
} as const;

export type ColorName = keyof typeof COLORS;

/** The fonts a card is set in, each a fallback stack: Fontsource's latin subset, then latin-ext. */
export interface CardFonts {
  serif600: readonly CardFont[];
  sans400: readonly CardFont[];
  sans600: readonly CardFont[];
}

export interface SceneRect {
  x: number;
  y: number;
  width: number;
  height: number;
  color: ColorName;
}

export interface SceneGlyph {
  font: CardFont;
  glyph: number;
  size: number;
  /** Pen position, px (fractional: glyphs are drawn at quarter-pixel offsets). */
  x: number;
  /** Baseline, whole px. */
  y: number;
  color: ColorName;
}

export interface CardScene {
  width: number;
  height: number;
  background: ColorName;
  rects: SceneRect[];
  glyphs: SceneGlyph[];
}

/** Titles get smaller as they get longer, so that the longest still fits in three lines. */
export function titleSize(title: string): number {
  if (title.length <= 40) return 72;
  if (title.length <= 70) return 62;
  if (title.length <= 100) return 54;
  return 46;
}

const PAD_X = 72;
const PAD_Y = 52;
const RULE = 16;
/** The column every line of text is wrapped to, px. */
export const CONTENT_WIDTH = CARD_WIDTH - 2 * PAD_X;
/** The footer's rule: margin above it, its thickness, and the padding below it. */
const FOOTER_MARGIN = 22;
const HAIRLINE = 2;
const FOOTER_PADDING = 18;

interface Block {
  style: TextStyle;
  /** CSS line-height as a multiple of the size; undefined is `normal`. */
  lineHeight?: number;
  text: string;
  color: ColorName;
}

/** A block of text wrapped to the column: its lines, line box height and baseline in the box. */
function setBlock(block: Block) {
  const { style } = block;
  const font = style.fonts[0]!;
  const scale = style.size / font.unitsPerEm;
  const ascent = font.ascender * scale;
  const descent = -font.descender * scale;
  // satori: a `normal` line is ascent plus descent; the box height is rounded, and the baseline
  // is the rounded ascent plus half of what the rounded ascent and descent leave over, floored.
  const exact = block.lineHeight === undefined ? ascent + descent : style.size * block.lineHeight;
  const lineBox = Math.round(exact);
  const baseline =
    Math.round(ascent) + Math.floor((exact - Math.round(ascent) - Math.round(descent)) / 2);
  const lines = block.text ? wrapText(block.text, style, CONTENT_WIDTH) : [];
  return {
    lines,
    lineBox,
    baseline,
    height: lines.length * lineBox,
    color: block.color,
    size: style.size,
  };
}

type SetBlock = ReturnType<typeof setBlock>;

function placeBlock(block: SetBlock, top: number, glyphs: SceneGlyph[]): void {
  block.lines.forEach((line, i) => {
    const y = top + i * block.lineBox + block.baseline;
    for (const g of line.glyphs) {
      glyphs.push({
        font: g.font,
        glyph: g.glyph,
        size: block.size,
        x: PAD_X + g.x,
        y,
        color: block.color,
      });
    }
  });
}

/** The title's type: serif 600 at titleSize(). */
export function titleStyle(title: string, fonts: CardFonts): TextStyle {
  return { fonts: fonts.serif600, size: titleSize(title), letterSpacing: 0 };
}

export function layoutCard(spec: CardSpec, fonts: CardFonts): CardScene {
  const kicker = setBlock({
    style: { fonts: fonts.sans600, size: 28, letterSpacing: 2 },
    text: spec.kicker.toUpperCase(),
    color: 'muted',
  });
  const title = setBlock({
    style: titleStyle(spec.title, fonts),
    lineHeight: 1.12,
    text: spec.title,
    color: 'text',
  });
  const detail = setBlock({
    style: { fonts: fonts.sans400, size: 30, letterSpacing: 0 },
    lineHeight: 1.3,
    text: spec.detail ?? '',
    color: 'text',
  });
  const footer = setBlock({
    style: { fonts: fonts.sans600, size: 30, letterSpacing: 0 },
    lineHeight: 1.3,
    text: spec.footer,
    color: 'muted',
  });

  const top = RULE + PAD_Y;
  const bottom = CARD_HEIGHT - PAD_Y;
  const footBlock = detail.height + FOOTER_MARGIN + HAIRLINE + FOOTER_PADDING + footer.height;
  // justify-content: space-between; with no room left over the blocks stack from the top.
  const gap = Math.max(0, (bottom - top - kicker.height - title.height - footBlock) / 2);
  const titleTop = Math.round(top + kicker.height + gap);
  const footTop = gap > 0 ? bottom - footBlock : titleTop + title.height;
  const hairlineTop = footTop + detail.height + FOOTER_MARGIN;

  const glyphs: SceneGlyph[] = [];
  placeBlock(kicker, top, glyphs);
  placeBlock(title, titleTop, glyphs);
  placeBlock(detail, footTop, glyphs);
  placeBlock(footer, hairlineTop + HAIRLINE + FOOTER_PADDING, glyphs);
  return {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    background: 'bg',
    rects: [
      { x: 0, y: 0, width: CARD_WIDTH, height: RULE, color: 'accent' },
      { x: PAD_X, y: hairlineTop, width: CONTENT_WIDTH, height: HAIRLINE, color: 'hairline' },
    ],
    glyphs,
  };
}
