import { describe, expect, it } from 'vitest';
import { clean, repairLine, type FurnitureKind } from '../../../src/ingest/clean.ts';
import {
  committedEntry,
  pipeline,
  SOURCE_KEYS,
  sourceText,
  wrap,
  type SourceKey,
} from './helpers.ts';

const NBSP = '\u00a0';

/** Every line each source carries around its text, as design.md describes the five documents. */
const OMITTED: Record<SourceKey, Array<{ line: number; kind: FurnitureKind; text: string }>> = {
  eastWest: [{ line: 3, kind: 'dateline', text: 'Policy Report | April 26, 2010' }],
  natoReview: [
    { line: 1, kind: 'section-label', text: 'Reports' },
    {
      line: 3,
      kind: 'byline',
      text: 'Senior Fellow and Director, Center for Political-Military Analysis',
    },
    {
      line: 19,
      kind: 'pull-quote',
      text: 'Central Asia represents the one area of the world where the militaries of Russia, China and NATO all operate regularly in close proximity.',
    },
  ],
  diplomat: [
    { line: 1, kind: 'section-label', text: 'Crossroads Asia' },
    { line: 5, kind: 'section-label', text: 'Recent Features' },
    {
      line: 7,
      kind: 'kicker',
      text: `Crossroads Asia${NBSP}|${NBSP}Security${NBSP}|${NBSP}Central Asia`,
    },
    {
      line: 9,
      kind: 'repeated-headline',
      text: 'How Can Central Asia Move Toward Security Integration?',
    },
    {
      line: 13,
      kind: 'repeated-headline',
      text: 'How Can Central Asia Move Toward Security Integration?',
    },
    { line: 14, kind: 'photo-credit', text: 'Credit: X / @modgovkz' },
    { line: 48, kind: 'promotion', text: 'Dreaming of a career in the Asia-Pacific?' },
    { line: 49, kind: 'promotion', text: "Try The Diplomat's jobs board." },
    { line: 50, kind: 'promotion', text: 'Find your Asia-Pacific job' },
  ],
  sipri: [],
  commentary: [
    {
      line: 1,
      kind: 'breadcrumb',
      text: 'Home > News > Counter-terrorism in Central Asia requires international cooperation',
    },
    { line: 2, kind: 'counter', text: '156 views 7 min 0 Comment' },
    { line: 6, kind: 'dateline', text: '- December 26, 2014' },
    {
      line: 8,
      kind: 'photo-caption',
      text: 'FILE: Then-U.S. Secretary of State Hillary Clinton meets with Uzbekistan President Islam Karimov in Tashkent, Uzbekistan, October 22, 2011. REUTERS/Kevin Lamarque (UZBEKISTAN )',
    },
  ],
};

const HEADER_END: Record<SourceKey, number> = {
  eastWest: 3,
  natoReview: 3,
  diplomat: 14,
  sipri: 0,
  commentary: 8,
};

describe('clean: the page furniture of each real document', () => {
  it.each(SOURCE_KEYS)('%s: omits exactly the furniture lines, each with its kind', (key) => {
    const cleaned = clean(sourceText(key));
    expect(cleaned.omitted.map(({ line, kind, text }) => ({ line, kind, text }))).toEqual(
      OMITTED[key],
    );
    expect(cleaned.headerEnd).toBe(HEADER_END[key]);
  });

  it.each(SOURCE_KEYS)(
    '%s: the omitted lines and reasons are those of the committed entry',
    (key) => {
      const cleaned = clean(sourceText(key));
      expect(cleaned.omitted.map(({ line, text, reason }) => ({ line, text, reason }))).toEqual(
        committedEntry(key).data.source.omitted,
      );
    },
  );

  it.each(SOURCE_KEYS)('%s: loses nothing: every source line is kept or omitted, once', (key) => {
    const source = sourceText(key).split('\n');
    const cleaned = clean(sourceText(key));
    const numbers = [...cleaned.lines.map((l) => l.line), ...cleaned.omitted.map((o) => o.line)];
    expect(numbers.sort((a, b) => a - b)).toEqual(source.map((_, i) => i + 1));
    for (const o of cleaned.omitted) expect(o.text).toBe(source[o.line - 1]);
    const repaired = new Set(cleaned.repairs.map((r) => r.line));
    for (const l of cleaned.lines) {
      const original = source[l.line - 1]!;
      if (original.trim() === '') expect(l.text).toBe('');
      else if (!repaired.has(l.line)) expect(l.text).toBe(original);
    }
  });

  it('gives every omitted line a reason a reader can understand', () => {
    const reasons = new Map<FurnitureKind, string>();
    for (const key of SOURCE_KEYS) {
      for (const o of clean(sourceText(key)).omitted) reasons.set(o.kind, o.reason);
    }
    expect(Object.fromEntries(reasons)).toEqual({
      dateline: 'dateline (its date and type are used as evidence above)',
      'section-label': 'site section label above the headline',
      byline: 'byline (used as evidence for the authors)',
      'pull-quote': 'pull quote (the sentence appears in the text)',
      kicker: 'section kicker of the web page',
      'repeated-headline': 'headline repeated by the web page',
      'photo-credit': 'photo credit',
      promotion: 'promotion of the website, not part of the document',
      breadcrumb: 'breadcrumb navigation of the web page',
      counter: 'view, reading-time or comment counter of the web page',
      'photo-caption': 'photo caption with its agency credit',
    });
  });
});

describe('clean: repairs', () => {
  it("records the '?' that stands for an apostrophe in the NATO Review article", () => {
    const cleaned = clean(sourceText('natoReview'));
    expect(cleaned.repairs).toEqual([
      { line: 21, from: 'Asia?s', to: 'Asia’s', reason: "a '?' standing for an apostrophe" },
    ]);
    const line21 = cleaned.lines.find((l) => l.line === 21)!;
    expect(sourceText('natoReview').split('\n')[20]).toContain('affirmed Central Asia?s increased');
    expect(line21.text).toBe(sourceText('natoReview').split('\n')[20]!.replace('Asia?s', 'Asia’s'));
  });

  it.each(SOURCE_KEYS.filter((k) => k !== 'natoReview'))('%s: needs no repair', (key) => {
    expect(clean(sourceText(key)).repairs).toEqual([]);
  });

  it('leaves real question marks alone', () => {
    const headline = sourceText('diplomat').split('\n')[2]!;
    expect(headline).toBe('How Can Central Asia Move Toward Security Integration?');
    expect(repairLine({ line: 3, text: headline })).toEqual({ text: headline, repairs: [] });
    const asked = 'Why does NATO matter? Since late 2001, NATO has emerged as a major player.';
    expect(repairLine({ line: 1, text: asked }).repairs).toEqual([]);
  });

  it('repairs each lost apostrophe of a line and names the word', () => {
    const line = { line: 7, text: 'The Alliance?s partners don?t share the West?s agenda.' };
    expect(repairLine(line)).toEqual({
      text: 'The Alliance’s partners don’t share the West’s agenda.',
      repairs: [
        {
          line: 7,
          from: 'Alliance?s',
          to: 'Alliance’s',
          reason: "a '?' standing for an apostrophe",
        },
        { line: 7, from: 'don?t', to: 'don’t', reason: "a '?' standing for an apostrophe" },
        { line: 7, from: 'West?s', to: 'West’s', reason: "a '?' standing for an apostrophe" },
      ],
    });
  });
});

describe('clean: hostile variations of the real documents', () => {
  it('keeps a paragraph that names a news agency in a sentence; omits the credited caption', () => {
    const lines = sourceText('commentary').split('\n');
    const sentence =
      ' A Kazakh official told AFP and EPA journalists that the strategy would change.';
    lines[9] += sentence;
    const cleaned = clean(lines.join('\n'));
    expect(cleaned.omitted.map((o) => o.line)).toEqual([1, 2, 6, 8]);
    expect(cleaned.lines.find((l) => l.line === 10)!.text).toContain(sentence.trim());
  });

  it('omits a pull quote that is hard-wrapped over two lines, as a whole', () => {
    const lines = sourceText('natoReview').split('\n');
    const wrapped = lines.flatMap((l, i) => (i + 1 > 3 && l.length > 72 ? wrap(l) : [l]));
    const text = wrapped.join('\n');
    const quote = wrap(OMITTED.natoReview[2]!.text);
    expect(quote).toHaveLength(2);
    const first = wrapped.indexOf(quote[0]!) + 1;
    const cleaned = clean(text);
    expect(
      cleaned.omitted
        .filter((o) => o.kind === 'pull-quote')
        .map(({ line, text }) => ({ line, text })),
    ).toEqual([
      { line: first, text: quote[0] },
      { line: first + 1, text: quote[1] },
    ]);
    // The same sentence, wrapped inside its paragraph, stays in the text.
    const { doc } = pipeline(text);
    expect(doc.blocks.filter((b) => b.text.includes(OMITTED.natoReview[2]!.text))).toHaveLength(1);
  });
});
