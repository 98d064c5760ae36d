import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'opentype.js/dist/opentype.mjs';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../../src/config/site.ts';
import type { CardFont } from '../../../src/lib/cards/font.ts';
import { loadCardFonts } from '../../../src/lib/cards/render.ts';
import { documentCard, kindCard, siteCard } from '../../../src/lib/cards/spec.ts';
import {
  CONTENT_WIDTH,
  layoutCard,
  titleSize,
  titleStyle,
} from '../../../src/lib/cards/template.ts';
import { collapseWhitespace, measureText, wrapText } from '../../../src/lib/cards/text.ts';
import { documentTitles } from './fixtures.ts';

// Card text layout: widths from the fonts (advances, ligatures, kerning), greedy wrapping on
// word boundaries within the column, and the card's blocks where the satori template put them.

const { fonts } = await loadCardFonts();
const serif = fonts.serif600[0]!;
const sans600 = fonts.sans600[0]!;
const sans400 = fonts.sans400[0]!;
const titles = documentTitles();

/** The width a style sets a text in, in font units (size = units per em). */
const unitsWide = (text: string, font: CardFont) =>
  measureText(text, { fonts: [font], size: font.unitsPerEm, letterSpacing: 0 });

describe('measuring', () => {
  it('without kerning, agrees with opentype.js on advances and ligatures', () => {
    const bytes = readFileSync(
      path.resolve('src/assets/fonts/source-serif-4-latin-600-normal.woff'),
    );
    const reference = parse(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
    );
    const unkerned: CardFont = { ...serif, kerning: () => 0 };
    for (const text of [
      'Briefing office',
      'Foreign Military Assistance to Central Asia',
      ...titles,
    ]) {
      for (const size of [46, 72]) {
        const ours = measureText(text, { fonts: [unkerned], size, letterSpacing: 0 });
        const theirs = reference.getAdvanceWidth(text, size, {
          kerning: true,
          features: { liga: true },
        });
        expect(ours, text).toBeCloseTo(theirs, 6);
      }
    }
    // "fi" and "ffi" are one glyph each: without the ligatures the text is wider.
    const [line] = wrapText('Briefing office', { fonts: [serif], size: 72, letterSpacing: 0 }, 1e6);
    expect(line!.glyphs).toHaveLength('Briefing office'.length - 1 - 2);
  });

  it('kerns as HarfBuzz does', () => {
    // Widths HarfBuzz 0.10 (satori's shaper, which drew the first cards) gives these strings, in
    // font units. opentype.js 2.0 applies no kerning for these fonts (their GPOS keeps it in
    // extension lookups), so the kerning here comes from features.ts alone.
    const harfbuzz: [CardFont, string, number][] = [
      [serif, 'AVATAR Wave To Tokyo', 11142],
      [serif, 'Foreign Military Assistance to Central Asia', 20506],
      [serif, 'Briefing office', 6779],
      [sans600, 'POLICY BRIEF · ABOUT 2014', 11781],
      [sans600, 'Central Asia Security Briefing', 12478],
      [sans400, 'EastWest Institute (inferred)', 11594],
      [sans400, 'Yr. Tw. Vo', 3846],
    ];
    for (const [font, text, width] of harfbuzz) {
      expect(unitsWide(text, font), text).toBe(width);
      expect(unitsWide(text, { ...font, kerning: () => 0 }), `${text} is kerned`).toBeGreaterThan(
        width,
      );
    }
  });

  it('adds letter spacing after every glyph', () => {
    const style = { fonts: [sans600], size: 28, letterSpacing: 0 };
    const text = 'POLICY BRIEF';
    expect(measureText(text, { ...style, letterSpacing: 2 })).toBeCloseTo(
      measureText(text, style) + 2 * text.length,
      9,
    );
  });

  it('sets each character in the first font of the stack that has it', () => {
    const [line] = wrapText('Şymkent', { fonts: fonts.serif600, size: 62, letterSpacing: 0 }, 1e6);
    expect(line!.glyphs.map((g) => g.font.name)).toEqual([
      'source-serif-4-latin-ext-600-normal.woff',
      ...Array(6).fill('source-serif-4-latin-600-normal.woff'),
    ]);
    expect(line!.glyphs.every((g) => g.glyph > 0)).toBe(true);
  });
});

describe('wrapping', () => {
  /** The first piece of a line that the line before could have taken: a word, or up to a dash. */
  const firstPiece = (text: string) => text.match(/^[^ ]*?[-–—](?=[^ ])|^[^ ]+/)![0];

  it.each(titles)(
    'wraps "%s" within the column, on word boundaries, in at most three lines',
    (title) => {
      const style = titleStyle(title, fonts);
      expect(style.size).toBe(titleSize(title));
      const lines = wrapText(title, style, CONTENT_WIDTH);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const line of lines) {
        expect(line.width).toBeLessThanOrEqual(CONTENT_WIDTH);
        expect(line.width).toBeCloseTo(measureText(line.text, style), 6);
        expect(line.text).toBe(line.text.trim());
      }
      // Nothing lost or reordered: the lines put back together are the title.
      const rejoined = lines.reduce(
        (text, line, i) =>
          i === 0 ? line.text : text + (/[-–—]$/.test(text) ? '' : ' ') + line.text,
        '',
      );
      expect(rejoined).toBe(collapseWhitespace(title));
      // Greedy: the next line's first word would not have fitted on the line before.
      for (let i = 0; i + 1 < lines.length; i++) {
        const joiner = /[-–—]$/.test(lines[i]!.text) ? '' : ' ';
        const longer = lines[i]!.text + joiner + firstPiece(lines[i + 1]!.text);
        expect(measureText(longer, style), longer).toBeGreaterThan(CONTENT_WIDTH);
      }
    },
  );

  it('collapses whitespace and keeps a line that is one long word', () => {
    const style = { fonts: [serif], size: 72, letterSpacing: 0 };
    expect(wrapText('  Central \n Asia  ', style, 1e6).map((l) => l.text)).toEqual([
      'Central Asia',
    ]);
    const lines = wrapText('Counterterrorismcounterterrorism in Asia', style, 400);
    expect(lines.map((l) => l.text)).toEqual(['Counterterrorismcounterterrorism', 'in Asia']);
    expect(lines[0]!.width).toBeGreaterThan(400);
  });

  it('breaks after a hyphen when the whole word does not fit', () => {
    const style = { fonts: [serif], size: 72, letterSpacing: 0 };
    const width = measureText('Counter-', style) + 1;
    expect(wrapText('Counter-terrorism', style, width).map((l) => l.text)).toEqual([
      'Counter-',
      'terrorism',
    ]);
  });
});

describe('the card', () => {
  const specs = {
    document: documentCard(
      {
        title: titles.reduce((a, b) => (b.length > a.length ? b : a)),
        type: 'policy-brief',
        publisher: { name: 'SIPRI', origin: 'inferred', evidence: 'x' },
        published: { date: '2014', precision: 'year', origin: 'editorial', evidence: 'x' },
      },
      SITE.name,
    ),
    site: siteCard(SITE.name, SITE.description, SITE.origin),
    kind: kindCard('organization', SITE.name),
  };

  it.each(Object.entries(specs))('keeps the %s card in its column, blocks in order', (_, spec) => {
    const scene = layoutCard(spec, fonts);
    for (const g of scene.glyphs) {
      const advance = (g.font.advance(g.glyph) * g.size) / g.font.unitsPerEm;
      expect(g.x).toBeGreaterThanOrEqual(72);
      expect(g.x + advance).toBeLessThanOrEqual(72 + CONTENT_WIDTH + 1e-9);
      expect(Number.isInteger(g.y)).toBe(true);
    }
    const baselines = (size: number) => [
      ...new Set(scene.glyphs.filter((g) => g.size === size).map((g) => g.y)),
    ];
    const title = baselines(titleSize(spec.title));
    expect(title.length).toBeGreaterThanOrEqual(1);
    expect(title.length).toBeLessThanOrEqual(3);
    const [kicker] = baselines(28);
    const hairline = scene.rects.find((r) => r.color === 'hairline')!;
    // Kicker, then the title, then the detail above the hairline and the footer below it.
    expect(kicker).toBe(68 + 28);
    expect(Math.min(...title)).toBeGreaterThan(kicker! + 28);
    expect(hairline.y).toBe(519);
    const below = scene.glyphs.filter((g) => g.y > hairline.y);
    expect(new Set(below.map((g) => g.y))).toEqual(new Set([568]));
    expect(below.every((g) => g.color === 'muted' && g.size === 30)).toBe(true);
    expect(Math.max(...title)).toBeLessThan(hairline.y - 39);
    expect(scene.rects).toContainEqual({ x: 0, y: 0, width: 1200, height: 16, color: 'accent' });
  });

  it('puts the title halfway between the kicker and the foot, as satori did', () => {
    // From the satori-drawn card of this title: a 54 px title of three 60 px lines whose first
    // baseline was at y = 242, and the detail's baseline at 487.
    const scene = layoutCard(specs.document, fonts);
    const title = [...new Set(scene.glyphs.filter((g) => g.size === 54).map((g) => g.y))];
    expect(specs.document.title).toBe(
      'Foreign Military Assistance to Central Asia: Conclusions and Recommendations',
    );
    expect(title).toEqual([242, 302, 362]);
    expect(
      new Set(scene.glyphs.filter((g) => g.size === 30 && g.color === 'text').map((g) => g.y)),
    ).toEqual(new Set([487]));
  });
});
