import { describe, expect, it } from 'vitest';
import { entityKinds } from '../../../src/content/entity-schema.ts';
import { buildMatcher } from '../../../src/lib/entities/matcher.ts';
import {
  blockLabels,
  companions,
  entityLabel,
  kindSlugCollisions,
  kindSlugs,
  sentencesByEntity,
  mentionPages,
  namesOutsideText,
} from '../../../src/lib/entity-pages.ts';
import { PER_PAGE } from '../../../src/lib/pagination.ts';
import { doc, documents, index, registry } from './corpus.ts';

describe('entity URLs', () => {
  it('gives each kind an index slug no entity takes', () => {
    expect(entityKinds.map((k) => kindSlugs[k])).toEqual([
      'organizations',
      'countries',
      'people',
      'places',
      'events',
      'topics',
    ]);
    expect(kindSlugCollisions(registry.map((e) => e.id))).toEqual([]);
  });

  it('fails on an entity id that is a kind index slug', () => {
    expect(kindSlugCollisions(['nato', 'places'])).toEqual([
      'src/content/entities/: entity "places" has the URL of the places index (/entities/places/); give it another id',
    ]);
  });
});

describe('mentions in their sentences', () => {
  const renewing = doc('renewing');
  const mentions = index.byDocument[renewing.id]!.mentions;

  it('quotes each sentence once, with every mention in it marked', () => {
    const sentences = sentencesByEntity(renewing.blocks, mentions).get('nato') ?? [];
    const total = sentences.reduce((n, s) => n + s.count, 0);
    expect(total).toBe(mentions.filter((m) => m.entityId === 'nato').length);
    const marked = sentences.flatMap((s) => s.runs.filter((r) => r.mark).map((r) => r.text));
    expect(new Set(marked)).toEqual(new Set(['NATO', 'Alliance']));
    // "NATO-Uzbek security ties" and "with the Alliance" in one sentence: one quotation, two marks.
    const both = sentences.find((s) =>
      s.runs
        .map((r) => r.text)
        .join('')
        .startsWith('Despite the collapse of NATO-Uzbek security ties'),
    )!;
    expect(both.count).toBe(2);
    expect(both.runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['NATO', 'Alliance']);
    for (const s of sentences) {
      const text = s.runs.map((r) => r.text).join('');
      expect(renewing.blocks.find((b) => b.id === s.blockId)!.text).toContain(text);
    }
  });

  it('labels blocks for links: paragraphs by number, headings as such', () => {
    const labels = blockLabels(renewing.blocks);
    expect(labels.get('p-eabb9b')).toBe('Paragraph 1');
    expect(labels.get('post-9-11-engagement')).toBe('Heading');
    expect(labels.get('p-ba764c')).toBe('Paragraph 4');
  });
});

describe('entities named alongside', () => {
  const together = companions(index.byDocument);

  it('counts paragraphs naming both, the same both ways', () => {
    for (const [a, list] of together) {
      for (const { entityId: b, blocks } of list) {
        expect(together.get(b)!.find((c) => c.entityId === a)!.blocks).toBe(blocks);
      }
    }
    const nato = together.get('nato')!;
    expect(nato[0]!.entityId).toBe('central-asia');
    const counts = nato.map((c) => c.blocks);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });
});

describe('entities named only outside the text', () => {
  const outside = namesOutsideText(
    buildMatcher(registry),
    documents.map((d) => ({
      id: d.id,
      omitted: (d.data.source as { omitted: { line: number; text: string; reason: string }[] })
        .omitted,
    })),
  );

  it('finds the people named only in a photo caption', () => {
    for (const id of ['islam-karimov', 'hillary-clinton']) {
      expect(index.byEntity[id]).toEqual([]);
      expect(outside.get(id)).toEqual([
        expect.objectContaining({
          documentId: 'counter-terrorism-in-central-asia-requires-international-cooperation',
          reason: 'photo caption with its agency credit',
        }),
      ]);
    }
  });

  it('every entity is named somewhere: in a text, or outside it', () => {
    const nowhere = registry.filter(
      (e) => index.byEntity[e.id]!.length === 0 && !outside.has(e.id),
    );
    expect(nowhere.map((e) => e.id)).toEqual([]);
  });
});

describe('pages of where an entity is named', () => {
  // What crosslinks.ts hands the entity pages, for one entity: the documents naming it, each with
  // how many of its sentences name it (in the corpus's order here; newest first in the build).
  const named = (entityId: string) =>
    documents
      .filter((d) => index.byEntity[entityId]!.some((e) => e.documentId === d.id))
      .map((d) => ({
        id: d.id,
        sentences: (
          sentencesByEntity(d.blocks, index.byDocument[d.id]!.mentions).get(entityId) ?? []
        ).length,
      }));

  const size = { documents: PER_PAGE.mentionDocuments, sentences: PER_PAGE.mentionSentences };

  it('spreads NATO’s sentences over pages of at most PER_PAGE.mentionSentences, each quoted once', () => {
    const docs = named('nato');
    const pages = mentionPages(docs, [], size);
    const all = docs.flatMap((d) => Array.from({ length: d.sentences }, (_, i) => [d.id, i]));
    // The NATO Review article alone names NATO in more sentences than a page holds.
    expect(all.length).toBeGreaterThan(size.sentences);
    expect(pages.length).toBeGreaterThan(1);
    const quoted = pages.flatMap((p) =>
      p.kind === 'sentences'
        ? p.page.items.flatMap((s) => s.items.map((i) => [s.group.id, i]))
        : [],
    );
    expect(quoted).toEqual(all);
    for (const p of pages) {
      expect(p.kind).toBe('sentences');
      if (p.kind !== 'sentences') continue;
      expect(p.page.items.reduce((n, s) => n + s.items.length, 0)).toBeLessThanOrEqual(
        size.sentences,
      );
      expect(p.page.items.length).toBeLessThanOrEqual(size.documents);
    }
  });

  it('keeps an entity named in a few sentences on its own page', () => {
    const pages = mentionPages(named('kyrgyzstan'), [], size);
    expect(pages).toHaveLength(1);
  });

  it('pages the lines outside the texts for an entity no text names', () => {
    const lines = Array.from({ length: 95 }, (_, i) => ({ text: `caption ${i}` }));
    const pages = mentionPages([], lines, { documents: 40, sentences: 40 });
    expect(pages.map((p) => p.kind)).toEqual(['outside', 'outside', 'outside']);
    expect(pages.map((p) => p.page.items.length)).toEqual([40, 40, 15]);
    expect(mentionPages([], [], size)).toEqual([
      { kind: 'outside', page: { items: [], number: 1, count: 1 } },
    ]);
  });
});

describe('labels', () => {
  it('writes topics in lower case inside a sentence', () => {
    const topic = registry.find((e) => e.id === 'counter-narcotics')!;
    const sco = registry.find((e) => e.id === 'sco')!;
    expect(entityLabel(topic.data, true)).toBe('counter-narcotics');
    expect(entityLabel(topic.data)).toBe('Counter-narcotics');
    expect(entityLabel(sco.data, true)).toBe('SCO');
  });
});
