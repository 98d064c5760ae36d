import type { CardFont } from './font.ts';
import { rasterizeOutline } from './raster.ts';
import type { CardScene, ColorName } from './template.ts';

/**
 * A scene painted into palette indices, ready for PNG. Index 0 is the background; each colour
 * has a ramp of LEVELS entries, its coverage levels blended over the background in sRGB (as
 * resvg blends), the last being the colour itself. Fifteen levels a colour are finer than the
 * sixteen colours in all of the satori-drawn cards, and so few keep the file small.
 */

export const LEVELS = 15;

/** The order of the colours' ramps in the palette. */
const RAMPS: readonly ColorName[] = ['text', 'muted', 'accent', 'hairline'];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The palette's first index of a colour's ramp (its level 1). */
export function rampStart(color: ColorName): number {
  return 1 + RAMPS.indexOf(color) * LEVELS;
}

/** RGB triples: the background, then each colour's ramp. */
export function cardPalette(colors: Record<ColorName, string>, background: ColorName): Uint8Array {
  const bg = hexToRgb(colors[background]);
  const palette = new Uint8Array(3 * (1 + RAMPS.length * LEVELS));
  palette.set(bg, 0);
  for (const color of RAMPS) {
    const fg = hexToRgb(colors[color]);
    for (let level = 1; level <= LEVELS; level++) {
      const a = level / LEVELS;
      const at = 3 * (rampStart(color) + level - 1);
      for (let c = 0; c < 3; c++) palette[at + c] = Math.round(bg[c]! * (1 - a) + fg[c]! * a);
    }
  }
  return palette;
}

/** A glyph's coverage in levels 0..LEVELS, placed relative to its pen position and baseline. */
export interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  levels: Uint8Array;
}

/** Glyphs are drawn at quarter-pixel pen positions: finer than the eye sees, few masks to keep. */
export const SUBPIXEL_STEPS = 4;

/**
 * Masks of glyphs by font, glyph, size and quarter-pixel offset, rasterized once per process:
 * cards repeat the same few hundred glyphs, so after the first cards most are blits.
 */
export class GlyphCache {
  readonly #masks = new Map<string, GlyphMask>();

  get(font: CardFont, glyph: number, size: number, subpixel: number): GlyphMask {
    const key = `${font.name}|${glyph}|${size}|${subpixel}`;
    let mask = this.#masks.get(key);
    if (!mask) {
      const coverage = rasterizeOutline(
        font.outline(glyph),
        size / font.unitsPerEm,
        subpixel / SUBPIXEL_STEPS,
        0,
      );
      const levels = new Uint8Array(coverage.coverage.length);
      for (let i = 0; i < levels.length; i++)
        levels[i] = Math.round(coverage.coverage[i]! * LEVELS);
      mask = {
        left: coverage.left,
        top: coverage.top,
        width: coverage.width,
        height: coverage.height,
        levels,
      };
      this.#masks.set(key, mask);
    }
    return mask;
  }
}

/** Two coverages in levels drawn over each other, `OVER[a * (LEVELS + 1) + b]`: a + b(1 - a). */
const OVER = Uint8Array.from({ length: (LEVELS + 1) ** 2 }, (_, i) => {
  const a = Math.floor(i / (LEVELS + 1)) / LEVELS;
  const b = (i % (LEVELS + 1)) / LEVELS;
  return Math.round(LEVELS * (1 - (1 - a) * (1 - b)));
});

/**
 * The scene as PNG scanlines of palette indices: each row a filter-type byte (0, none) and then
 * one byte a pixel, which is what the IDAT stream of an 8-bit palette PNG holds before deflate.
 * Painted into `rows` when given (cleared first), which spares a caller drawing many cards a
 * fresh 750 KB buffer each time.
 */
export function paintScene(
  scene: CardScene,
  glyphs: GlyphCache,
  rows = new Uint8Array((scene.width + 1) * scene.height),
): Uint8Array {
  const { width, height } = scene;
  const stride = width + 1;
  if (rows.length !== stride * height) throw new Error('rows do not match the scene');
  // Zeros: every row's filter byte is 0, and every pixel is the background (index 0).
  rows.fill(0);
  for (const rect of scene.rects) {
    const index = rampStart(rect.color) + LEVELS - 1;
    for (let y = Math.max(0, rect.y); y < Math.min(height, rect.y + rect.height); y++) {
      const from = y * stride + 1 + Math.max(0, rect.x);
      rows.fill(index, from, from + Math.min(width, rect.x + rect.width) - Math.max(0, rect.x));
    }
  }
  for (const g of scene.glyphs) {
    const whole = Math.floor(g.x);
    let subpixel = Math.round((g.x - whole) * SUBPIXEL_STEPS);
    let penX = whole;
    if (subpixel === SUBPIXEL_STEPS) {
      penX += 1;
      subpixel = 0;
    }
    const mask = glyphs.get(g.font, g.glyph, g.size, subpixel);
    const { levels } = mask;
    const base = rampStart(g.color) - 1;
    const left = penX + mask.left;
    const top = g.y + mask.top;
    // The part of the mask inside the image: a glyph may overhang an edge.
    const colFrom = Math.max(0, -left);
    const colTo = Math.min(mask.width, width - left);
    for (let my = Math.max(0, -top); my < Math.min(mask.height, height - top); my++) {
      let from = my * mask.width + colFrom;
      let at = (top + my) * stride + 1 + left + colFrom;
      for (let mx = colFrom; mx < colTo; mx++, from++, at++) {
        const level = levels[from]!;
        if (level === 0) continue;
        const below = rows[at]! - base;
        // Glyphs that touch (kerned pairs, ligature neighbours) add up where they share a pixel.
        rows[at] =
          base + (below >= 1 && below <= LEVELS ? OVER[below * (LEVELS + 1) + level]! : level);
      }
    }
  }
  return rows;
}
