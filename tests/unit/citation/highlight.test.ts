import { describe, expect, it } from 'vitest';
import { bibtex } from '../../../src/lib/citation/bibtex.ts';
import { highlight } from '../../../src/lib/citation/highlight.ts';
import { ris } from '../../../src/lib/citation/ris.ts';
import { entries } from './entries.ts';

// The highlighted BibTeX and RIS: Shiki's colors as classes (the site allows no style
// attributes), the text unchanged, and every color readable (WCAG AA, 4.5:1) on the block's
// background in both the light and the dark theme.

function luminance(hex: string): number {
  const full =
    hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex.slice(0, 7);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const unescape = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe.each(Object.entries(entries))('highlighted blocks of %s', (_, { record }) => {
  const blocks = [
    { lang: 'bibtex' as const, code: bibtex(record) },
    { lang: 'ris' as const, code: ris(record) },
  ];

  it('keep the text exactly, with classes and no style attributes', async () => {
    const result = await highlight(blocks, '.cite-code');
    result.html.forEach((html, i) => {
      expect(unescape(html)).toBe(blocks[i]!.code);
      expect(html).not.toMatch(/style=/);
      for (const [, name] of html.matchAll(/class="([^"]+)"/g)) {
        expect(result.css).toContain(`.cite-code .${name}{`);
      }
    });
    // Shiki did color them: entry type, key, field names, braces, RIS tags.
    expect(result.classes.pairs.size).toBeGreaterThanOrEqual(3);
    expect(result.html[1]).toMatch(/^<span class="t\d+">TY<\/span> {2}- /);
  });

  it('every color reaches 4.5:1 on the block in light and dark', async () => {
    const { colors, classes } = await highlight(blocks, '.cite-code');
    for (const scheme of ['light', 'dark'] as const) {
      const { fg, bg } = colors[scheme];
      const used = [fg, ...[...classes.pairs.values()].map((c) => c[scheme])];
      for (const color of used) {
        expect(contrast(color, bg), `${scheme}: ${color} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
