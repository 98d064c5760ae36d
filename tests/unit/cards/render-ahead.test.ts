import { describe, expect, it } from 'vitest';
import { cardBytes, renderCardsAhead, renderedAhead } from '../../../src/lib/cards/render-ahead.ts';
import {
  drawCard,
  isCardCached,
  loadCardFonts,
  renderCard,
} from '../../../src/lib/cards/render.ts';
import { fileURLToPath } from 'node:url';
import { documentCard, type CardData } from '../../../src/lib/cards/spec.ts';
import { readDocuments } from '../../../src/lib/entities/files.ts';

// Cards drawn ahead on a worker thread are the cards drawn on the main thread, byte for byte.

// The real documents' cards, as the card route makes them.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const specs = readDocuments(root).map((doc) =>
  documentCard(doc.data as CardData, 'Central Asia Security Briefing'),
);

describe('cards rendered ahead on a worker thread', () => {
  it('are the same bytes as the cards drawn here', async () => {
    renderCardsAhead(specs);
    const { fonts } = await loadCardFonts();
    for (const spec of specs) {
      const ahead = renderedAhead(spec);
      expect(ahead, spec.title).toBeDefined();
      const bytes = await ahead!;
      expect(Buffer.compare(bytes, drawCard(spec, fonts)), spec.title).toBe(0);
      expect(Buffer.compare(await cardBytes(spec), bytes)).toBe(0);
    }
  });

  it('a card not asked for ahead is drawn when asked for', async () => {
    const spec = { ...specs[0]!, title: `${specs[0]!.title} (not ahead)` };
    expect(renderedAhead(spec)).toBeUndefined();
    const { fonts } = await loadCardFonts();
    expect(Buffer.compare(await cardBytes(spec), drawCard(spec, fonts))).toBe(0);
  });

  it('a card the fonts cannot draw fails with the one-line error, not a worker failure', async () => {
    const spec = { ...specs[0]!, title: 'Ǉ and ᚠ' };
    renderCardsAhead([spec]);
    await expect(cardBytes(spec)).rejects.toThrow(/have no glyph for ᚠ/);
  });
});

describe('which cards are cached', () => {
  it('a card is cached once rendered, and a card with other text is not', async () => {
    const spec = specs[1]!;
    await renderCard(spec);
    expect(await isCardCached(spec)).toBe(true);
    expect(
      await isCardCached({ ...spec, title: `${spec.title} (never rendered) ${Date.now()}` }),
    ).toBe(false);
  });
});
