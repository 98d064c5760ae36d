import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingGlyphs, renderCard, TEMPLATE_VERSION } from '../../../src/lib/cards/render.ts';
import { cardAlt, documentCard, kindCard, siteCard } from '../../../src/lib/cards/spec.ts';
import { entry, SITE_NAME } from './entries.ts';

// The link-preview cards' text (the same honesty as the page header: an inferred publisher or
// date says so, a missing publisher is named as missing), their alt text, the glyph check, and
// the cache that spares a rebuild from rendering unchanged cards.

describe('what a card says', () => {
  it('flags what the source does not state', () => {
    expect(documentCard(entry('000').data, SITE_NAME)).toEqual({
      kicker: 'Policy report · April 26, 2010',
      title: 'Central Asian Security: Two Recommendations for International Action',
      detail: 'EastWest Institute (inferred)',
      footer: SITE_NAME,
    });
    expect(documentCard(entry('001').data, SITE_NAME).kicker).toBe('Journal article · Autumn 2006');
    expect(documentCard(entry('001').data, SITE_NAME).detail).toBe('NATO Review');
    expect(documentCard(entry('003').data, SITE_NAME).kicker).toBe('Policy brief · about 2014');
    expect(documentCard(entry('004').data, SITE_NAME).detail).toBe(
      'Publisher not named in the source',
    );
  });

  it('reads back as alt text, in order', () => {
    expect(cardAlt(documentCard(entry('002').data, SITE_NAME))).toBe(
      'News analysis · between July 30 and August 9, 2024. How Can Central Asia Move Toward ' +
        'Security Integration? The Diplomat (inferred). Central Asia Security Briefing.',
    );
    expect(cardAlt(kindCard('person', SITE_NAME))).toBe(
      'Index. People. The people the documents name. Central Asia Security Briefing.',
    );
    expect(siteCard(SITE_NAME, 'What it is.', 'https://briefing.example.org').footer).toBe(
      'briefing.example.org',
    );
  });

  it('refuses text the fonts cannot draw, naming the characters', async () => {
    const spec = { kicker: 'Index', title: 'Oʻzbekiston, Türkiye, Ağrı and Қазақстан', footer: '' };
    // Latin with diacritics (latin-ext) is drawn; Cyrillic is not.
    expect(missingGlyphs(spec)).toEqual(['Қ', 'а', 'з', 'қ', 'с', 'т', 'н']);
    await expect(renderCard(spec)).rejects.toThrow(/no glyph for Қ а/);
    expect(missingGlyphs(documentCard(entry('000').data, SITE_NAME))).toEqual([]);
  });
});

describe('rendering', () => {
  it('renders a 1200x630 PNG once, then serves it from the cache', async () => {
    const spec = {
      kicker: `Test card · template ${TEMPLATE_VERSION}`,
      title: 'A card rendered by the unit tests, with Ağrı and Şymkent',
      footer: SITE_NAME,
    };
    const cacheDir = path.resolve('node_modules/.cache/cards');
    const before = existsSync(cacheDir) ? new Set(readdirSync(cacheDir)) : new Set<string>();
    const first = await renderCard(spec);
    expect(first.readUInt32BE(16)).toBe(1200);
    expect(first.readUInt32BE(20)).toBe(630);
    const added = readdirSync(cacheDir).filter((name) => !before.has(name));
    const cached = added.length === 1 ? path.join(cacheDir, added[0]!) : undefined;
    // Either rendered now (one new file) or by an earlier run (already cached).
    expect(added.length).toBeLessThanOrEqual(1);
    const mtime = cached ? statSync(cached).mtimeMs : undefined;
    const second = await renderCard(spec);
    expect(second.equals(first)).toBe(true);
    if (cached) expect(statSync(cached).mtimeMs).toBe(mtime);
    expect(readdirSync(cacheDir).filter((name) => !before.has(name))).toEqual(added);
  });
});
