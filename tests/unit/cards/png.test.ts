import { describe, expect, it } from 'vitest';
import { SITE } from '../../../src/config/site.ts';
import { cardPalette, LEVELS, rampStart } from '../../../src/lib/cards/compose.ts';
import { encodeIndexedPng } from '../../../src/lib/cards/png.ts';
import { drawCard, loadCardFonts, staleCacheEntries } from '../../../src/lib/cards/render.ts';
import { documentCard } from '../../../src/lib/cards/spec.ts';
import { COLORS, layoutCard } from '../../../src/lib/cards/template.ts';
import { decodePng, pixelColor } from './fixtures.ts';

// The PNG encoder and whole cards, read back with a decoder of the tests' own (fixtures.ts).

describe('encodeIndexedPng', () => {
  it('writes an 8-bit palette PNG that decodes to the same indices and palette', () => {
    const width = 5;
    const height = 3;
    const palette = Uint8Array.of(255, 255, 255, 0, 0, 0, 200, 10, 20);
    const rows = new Uint8Array(height * (width + 1));
    [0, 1, 2, 1, 0, 2, 2, 2, 0, 0, 1, 0, 1, 0, 1].forEach((index, i) => {
      rows[Math.floor(i / width) * (width + 1) + 1 + (i % width)] = index;
    });
    const png = decodePng(encodeIndexedPng({ width, height, palette, rows }));
    expect(png).toMatchObject({ width, height, bitDepth: 8, colorType: 3 });
    expect(png.chunks).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([...png.palette]).toEqual([...palette]);
    expect([...png.pixels]).toEqual([0, 1, 2, 1, 0, 2, 2, 2, 0, 0, 1, 0, 1, 0, 1]);
  });

  it('refuses rows that do not match the size', () => {
    const image = { width: 4, height: 2, palette: Uint8Array.of(0, 0, 0), rows: new Uint8Array(8) };
    expect(() => encodeIndexedPng(image)).toThrow(/rows/);
  });
});

describe('cardPalette', () => {
  it('starts with the background and ramps each colour up to itself', () => {
    const palette = cardPalette(COLORS, 'bg');
    const hex = (i: number) =>
      `#${[...palette.subarray(3 * i, 3 * i + 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    expect(hex(0)).toBe(COLORS.bg);
    for (const color of ['text', 'muted', 'accent', 'hairline'] as const) {
      expect(hex(rampStart(color) + LEVELS - 1)).toBe(COLORS[color]);
      // Half coverage is halfway between the background and the colour, channel by channel.
      const half = palette[3 * (rampStart(color) + Math.round(LEVELS / 2) - 1)]!;
      const [bg, fg] = [COLORS.bg, COLORS[color]].map((c) => Number.parseInt(c.slice(1, 3), 16));
      expect(Math.abs(half - (bg! + fg!) / 2)).toBeLessThan(Math.abs(bg! - fg!) / LEVELS + 1);
    }
    expect(palette.length).toBeLessThanOrEqual(256 * 3);
  });
});

describe('a whole card', async () => {
  const { fonts } = await loadCardFonts();
  const spec = documentCard(
    {
      title: 'Counter-terrorism in Central Asia requires international cooperation',
      type: 'commentary',
      published: { date: '2014-12-26', precision: 'day', origin: 'source', evidence: 'x' },
    },
    SITE.name,
  );
  const file = drawCard(spec, fonts);
  const png = decodePng(file);
  const scene = layoutCard(spec, fonts);

  it('is a 1200x630 palette PNG, small', () => {
    expect(png).toMatchObject({ width: 1200, height: 630, bitDepth: 8, colorType: 3 });
    expect(file.length).toBeLessThan(40 * 1024);
    expect(pixelColor(png, 600, 8)).toBe(COLORS.accent);
    expect(pixelColor(png, 600, 16)).toBe(COLORS.bg);
  });

  it('draws the title where the layout put it, and leaves the margins empty', () => {
    const firstLine = scene.glyphs.filter(
      (g) => g.y === Math.min(...scene.glyphs.filter((s) => s.size === 62).map((s) => s.y)),
    );
    const [left, right] = [Math.floor(firstLine[0]!.x), Math.ceil(firstLine.at(-1)!.x)];
    const baseline = firstLine[0]!.y;
    let ink = 0;
    let solid = 0;
    for (let y = baseline - 40; y < baseline; y++) {
      for (let x = left; x < right; x++) {
        const color = pixelColor(png, x, y);
        if (color !== COLORS.bg) ink++;
        if (color === COLORS.text) solid++;
      }
    }
    // Serif capitals and lowercase at 62 px fill a good part of the band, some pixels solid.
    expect(ink / ((right - left) * 40)).toBeGreaterThan(0.2);
    expect(solid).toBeGreaterThan(1000);
    for (const [x0, y0, x1, y1] of [
      [0, 16, 70, 630],
      [1130, 16, 1200, 630],
      [0, 580, 1200, 630],
      // Between the kicker and the title's first line, a whole em above its baseline.
      [0, 110, 1200, baseline - 62],
    ]) {
      const inked: string[] = [];
      for (let y = y0!; y < y1!; y++) {
        for (let x = x0!; x < x1!; x++)
          if (pixelColor(png, x, y) !== COLORS.bg) inked.push(`${x},${y}`);
      }
      expect(inked, `ink in ${x0},${y0} to ${x1},${y1}`).toEqual([]);
    }
  });

  it('draws the hairline across the column above the footer', () => {
    expect(pixelColor(png, 72, 519)).toBe(COLORS.hairline);
    expect(pixelColor(png, 1127, 520)).toBe(COLORS.hairline);
    expect(pixelColor(png, 71, 519)).toBe(COLORS.bg);
    expect(pixelColor(png, 600, 521)).toBe(COLORS.bg);
  });

  it('is the same bytes each time', () => {
    expect(drawCard(spec, fonts).equals(file)).toBe(true);
  });
});

describe('staleCacheEntries', () => {
  it('picks cards unused for 30 days and temporary files left for an hour', () => {
    const now = Date.UTC(2026, 0, 31);
    const day = 24 * 60 * 60 * 1000;
    const entries = [
      { name: 'a.png', mtimeMs: now - 29 * day },
      { name: 'b.png', mtimeMs: now - 31 * day },
      { name: 'c.png.123.tmp', mtimeMs: now - 5 * 60 * 1000 },
      { name: 'd.png.456.tmp', mtimeMs: now - 2 * 60 * 60 * 1000 },
    ];
    expect(staleCacheEntries(entries, now)).toEqual(['b.png', 'd.png.456.tmp']);
  });
});
