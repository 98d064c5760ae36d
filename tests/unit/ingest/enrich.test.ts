import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/lib/sentences.ts';
import type { CleanedDocument } from '../../../src/ingest/clean.ts';
import type { StructuredDocument } from '../../../src/ingest/structure.ts';
import {
  enrich,
  findAuthors,
  findPublished,
  findPublisher,
  findType,
  parseDate,
} from '../../../src/ingest/enrich.ts';
import { draftSummary } from '../../../src/ingest/summarize.ts';
import {
  committedEntry,
  SOURCE_KEYS,
  sourcePipeline,
  sourceText,
  type SourceKey,
  COUNTRIES,
} from './helpers.ts';

function run<T>(key: SourceKey, find: (cleaned: CleanedDocument, doc: StructuredDocument) => T): T {
  const { cleaned, doc } = sourcePipeline(key);
  return find(cleaned, doc);
}

const NATO_ISSUE = 'This article originally appeared in the autumn 2006 issue of the NATO Review.';
const GUEST_POST =
  'The following is a guest post from Galymzhan Kirbassov, a Ph.D. candidate in political science at SUNY Binghamton.';

describe('enrich: publication dates', () => {
  it('000: the day of its dateline', () => {
    expect(run('eastWest', findPublished)).toEqual({
      date: '2010-04-26',
      precision: 'day',
      origin: 'source',
      evidence: 'Policy Report | April 26, 2010',
    });
  });

  it('001: the season of the issue it appeared in', () => {
    expect(run('natoReview', findPublished)).toEqual({
      date: '2006-09',
      precision: 'season',
      season: 'autumn',
      origin: 'source',
      evidence: NATO_ISSUE,
    });
  });

  it('004: the day of its dateline', () => {
    expect(run('commentary', findPublished)).toEqual({
      date: '2014-12-26',
      precision: 'day',
      origin: 'source',
      evidence: '- December 26, 2014',
    });
  });

  it.each([
    ['diplomat', '2024', 'So far in 2024, Kazakhstan has hosted two important events'],
    ['sipri', '2014', 'after the completion of NATO’s withdrawal from Afghanistan in 2014'],
  ] as const)(
    '%s: only a year, inferred from the latest year the text mentions',
    (key, year, quote) => {
      const published = run(key, findPublished)!;
      expect(published).toMatchObject({ date: year, precision: 'year', origin: 'inferred' });
      expect(published.evidence).toMatch(
        new RegExp(`^No date line\\. The latest year the text mentions is ${year}: “.+”$`),
      );
      expect(published.evidence).toContain(quote);
      // The quoted sentence is the text's own.
      const quoted = published.evidence.slice(published.evidence.indexOf('“') + 1, -1);
      expect(sourceText(key)).toContain(quoted);
    },
  );

  it('002: a year in a name ("Central Asia – 2040") is not taken for a date', () => {
    expect(sourceText('diplomat')).toContain('“Central Asia – 2040”');
    expect(run('diplomat', findPublished)!.date).toBe('2024');
  });

  it.each([
    ['Policy Report | April 26, 2010', '2010-04-26'],
    ['- December 26, 2014', '2014-12-26'],
    ['26 April 2010', '2010-04-26'],
    ['Dec. 26, 2014', '2014-12-26'],
    ['2014-12-26', '2014-12-26'],
    ['the autumn 2006 issue', undefined],
  ])('parseDate(%j) is %j', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });
});

describe('enrich: publishers', () => {
  it('000: the EastWest Institute, inferred from "convened by"', () => {
    expect(run('eastWest', findPublisher)).toEqual({
      name: 'EastWest Institute',
      origin: 'inferred',
      evidence:
        'An Experts’ Group on Euro-Atlantic Security, convened by the EastWest Institute as part of a larger Euro-Atlantic Security Initiative, is pleased to offer its first series of policy recommendations—an international Central Asian security initiative.',
    });
  });

  it('001: NATO Review, stated by the text', () => {
    expect(run('natoReview', findPublisher)).toEqual({
      name: 'NATO Review',
      origin: 'source',
      evidence: NATO_ISSUE,
    });
  });

  it('002: The Diplomat, inferred from the promotion of its jobs board', () => {
    expect(run('diplomat', findPublisher)).toEqual({
      name: 'The Diplomat',
      origin: 'inferred',
      evidence: "Try The Diplomat's jobs board.",
    });
  });

  it('003: SIPRI, inferred from where the full brief is published', () => {
    expect(run('sipri', findPublisher)).toEqual({
      name: 'SIPRI',
      origin: 'inferred',
      evidence:
        'The first part was posted last week and the full text (including references) can be accessed on the SIPRI website.',
    });
  });

  it('004: none; the text does not name its outlet', () => {
    expect(run('commentary', findPublisher)).toBeUndefined();
  });
});

describe('enrich: authors', () => {
  it('001: a role without a name, from the byline', () => {
    const authors = run('natoReview', findAuthors);
    expect(authors).toEqual([
      {
        role: 'Senior Fellow and Director, Center for Political-Military Analysis',
        origin: 'source',
        evidence: 'Senior Fellow and Director, Center for Political-Military Analysis',
      },
    ]);
    expect(authors[0]).not.toHaveProperty('name');
  });

  it('004: name, role and affiliation from the guest-post line', () => {
    expect(run('commentary', findAuthors)).toEqual([
      {
        name: 'Galymzhan Kirbassov',
        role: 'Ph.D. candidate in political science',
        affiliation: 'SUNY Binghamton',
        origin: 'source',
        evidence: GUEST_POST,
      },
    ]);
  });

  it.each(['eastWest', 'diplomat', 'sipri'] as const)('%s: unknown, so none', (key) => {
    expect(run(key, findAuthors)).toEqual([]);
  });
});

describe('enrich: document types', () => {
  it.each([
    ['eastWest', 'policy-report', 'source', 'Policy Report | April 26, 2010'],
    ['natoReview', 'journal-article', 'inferred', NATO_ISSUE],
    ['diplomat', 'news-analysis', 'inferred', 'Site section: “Recent Features”'],
    [
      'sipri',
      'policy-brief',
      'inferred',
      'Here is the conclusions and recommendations section of my policy brief on foreign military assistance to Central Asia.',
    ],
    ['commentary', 'commentary', 'inferred', GUEST_POST],
  ] as const)('%s: %s (%s)', (key, value, origin, evidence) => {
    expect(run(key, findType)).toEqual({ value, origin, evidence });
  });
});

describe('enrich: the whole enrichment', () => {
  it.each(SOURCE_KEYS)('%s: countries and language match the committed entry', (key) => {
    const found = run(key, (cleaned, doc) => enrich(cleaned, doc, COUNTRIES));
    const entry = committedEntry(key).data;
    expect(found.language).toBe('en');
    expect(found.countries).toEqual(entry.countries);
  });

  it.each(SOURCE_KEYS)('%s: every quoted evidence occurs in the source', (key) => {
    const found = run(key, enrich);
    const text = sourceText(key).replace('Asia?s', 'Asia’s');
    const quotes = [
      found.type.evidence,
      found.publisher?.evidence,
      found.published?.evidence,
      ...found.authors.map((a) => a.evidence),
    ].filter((e): e is string => e !== undefined && !/^(No date line|Site section)/.test(e));
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(text).toContain(quote);
  });
});

describe('summarize: the machine-drafted summary', () => {
  it.each(SOURCE_KEYS)('%s: is extractive: every sentence is the text’s own', (key) => {
    const { doc } = sourcePipeline(key);
    const sentences = doc.blocks
      .filter((b) => b.kind === 'paragraph')
      .flatMap((b) => splitSentences(b.text));
    const summary = draftSummary(doc);
    const chosen = splitSentences(summary.text);
    expect(chosen.length).toBeGreaterThanOrEqual(1);
    expect(chosen.length).toBeLessThanOrEqual(3);
    expect(summary.keyPoints.length).toBeGreaterThanOrEqual(1);
    expect(summary.keyPoints.length).toBeLessThanOrEqual(4);
    for (const s of [...chosen, ...summary.keyPoints]) expect(sentences).toContain(s);
    // No sentence twice, and each list in the order of the text.
    expect(new Set([...chosen, ...summary.keyPoints]).size).toBe(
      chosen.length + summary.keyPoints.length,
    );
    const order = (xs: string[]) => xs.map((s) => sentences.indexOf(s));
    expect(order(chosen)).toEqual([...order(chosen)].sort((a, b) => a - b));
    expect(order(summary.keyPoints)).toEqual([...order(summary.keyPoints)].sort((a, b) => a - b));
  });

  it.each(SOURCE_KEYS)('%s: is deterministic', (key) => {
    const first = draftSummary(sourcePipeline(key).doc);
    const again = draftSummary(sourcePipeline(key).doc);
    const copy = draftSummary(structuredClone(sourcePipeline(key).doc));
    expect(again).toEqual(first);
    expect(copy).toEqual(first);
  });

  it('does not quote headings or page furniture', () => {
    const { doc } = sourcePipeline('natoReview');
    const summary = draftSummary(doc);
    const all = [summary.text, ...summary.keyPoints].join(' ');
    expect(all).not.toContain('Andijan effect');
    expect(all).not.toContain('Senior Fellow and Director');
  });
});
