import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/ingest/clean.ts';
import type { StructuredDocument } from '../../../src/ingest/structure.ts';
import {
  pipeline,
  SOURCE_KEYS,
  sourcePipeline,
  sourceText,
  wrap,
  type SourceKey,
} from './helpers.ts';

const TITLES: Record<SourceKey, string | undefined> = {
  eastWest: 'Central Asian Security: Two Recommendations for International Action',
  natoReview: 'Renewing Central Asian Partnerships',
  diplomat: 'How Can Central Asia Move Toward Security Integration?',
  sipri: undefined,
  commentary: 'Counter-terrorism in Central Asia requires international cooperation',
};

const HEADINGS: Record<SourceKey, string[]> = {
  eastWest: [],
  natoReview: ['Post-9/11 engagement', 'Andijan effect', 'Building a NATO-SCO dialogue'],
  diplomat: [],
  sipri: ['Conclusions and Recommendations', 'Emphasize training', 'Multilateral initiatives'],
  commentary: [],
};

const PARAGRAPHS: Record<SourceKey, number> = {
  eastWest: 4,
  natoReview: 20,
  diplomat: 16,
  sipri: 10,
  commentary: 12,
};

function headings(doc: StructuredDocument): string[] {
  return doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
}

function paragraphs(doc: StructuredDocument): string[] {
  return doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
}

/** The source hard-wrapped at 72 columns below its page header, paragraphs apart, the way plain
 * text exports and mailing lists print it. The header (headline, dateline, caption) stays as is. */
function hardWrapped(key: SourceKey): string {
  const text = sourceText(key);
  const { headerEnd } = clean(text);
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (i + 1 <= headerEnd) out.push(line);
    else if (line.trim() !== '') out.push(...(line.length > 72 ? wrap(line) : [line]), '');
  });
  return out.join('\n');
}

describe('structure: the real documents', () => {
  it.each(SOURCE_KEYS)('%s: finds the headline', (key) => {
    const { doc } = sourcePipeline(key);
    expect(doc.title?.text).toBe(TITLES[key]);
  });

  it('003 has no headline: its first line is the author’s introduction, kept as text', () => {
    const { doc } = sourcePipeline('sipri');
    expect(doc.title).toBeUndefined();
    expect(doc.blocks[0]).toEqual({
      kind: 'paragraph',
      text: sourceText('sipri').split('\n')[0],
      lines: [1],
    });
  });

  it('finds the standfirst of 002, and none elsewhere', () => {
    for (const key of SOURCE_KEYS) {
      const { doc } = sourcePipeline(key);
      if (key === 'diplomat') {
        expect(doc.standfirst).toEqual({
          text: 'Security cooperation strengthens regionalism in Central Asia, but may also revive old competition.',
          line: 11,
        });
      } else {
        expect(doc.standfirst).toBeUndefined();
      }
    }
  });

  it.each(SOURCE_KEYS)('%s: finds exactly the section headings', (key) => {
    expect(headings(sourcePipeline(key).doc)).toEqual(HEADINGS[key]);
  });

  it.each(SOURCE_KEYS)('%s: counts the paragraphs', (key) => {
    expect(paragraphs(sourcePipeline(key).doc)).toHaveLength(PARAGRAPHS[key]);
  });

  it.each(SOURCE_KEYS)('%s: every kept line is in the headline, standfirst or one block', (key) => {
    const { cleaned, doc } = sourcePipeline(key);
    const used = [
      ...(doc.title ? [doc.title.line] : []),
      ...(doc.standfirst ? [doc.standfirst.line] : []),
      ...doc.blocks.flatMap((b) => b.lines),
    ];
    const kept = cleaned.lines.filter((l) => l.text.trim() !== '').map((l) => l.line);
    expect(used.sort((a, b) => a - b)).toEqual(kept);
    // One line, one block: the real sources put each paragraph on a line of its own.
    for (const b of doc.blocks) expect(b.lines).toHaveLength(1);
  });

  it('a heading is followed by the paragraph it introduces', () => {
    const { doc } = sourcePipeline('natoReview');
    const i = doc.blocks.findIndex((b) => b.text === 'Andijan effect');
    expect(doc.blocks[i + 1]!.text).toMatch(/^NATO officials have encouraged Partner governments/);
  });
});

describe('structure: hard-wrapped text', () => {
  it.each(SOURCE_KEYS)('%s: wrapped at 72 columns gives the same blocks as the original', (key) => {
    const wrapped = hardWrapped(key);
    const bodyLines = wrapped.split('\n').slice(clean(sourceText(key)).headerEnd);
    expect(Math.max(...bodyLines.map((l) => l.length))).toBeLessThanOrEqual(72);
    expect(wrapped.split('\n').length).toBeGreaterThan(sourceText(key).split('\n').length);

    const original = sourcePipeline(key).doc;
    const rewrapped = pipeline(wrapped).doc;
    expect(rewrapped.title?.text).toBe(original.title?.text);
    expect(rewrapped.standfirst?.text).toBe(original.standfirst?.text);
    expect(rewrapped.blocks.map(({ kind, text }) => ({ kind, text }))).toEqual(
      original.blocks.map(({ kind, text }) => ({ kind, text })),
    );
  });

  it('joins a line that ends with an abbreviation to the next one ("a Ph.D." / "candidate")', () => {
    const wrapped = hardWrapped('commentary').split('\n');
    const i = wrapped.findIndex((l) => l.endsWith('Galymzhan Kirbassov, a Ph.D.'));
    expect(wrapped[i + 1]).toBe('candidate in political science at SUNY Binghamton.');
    const guestPost = paragraphs(pipeline(wrapped.join('\n')).doc)[0];
    expect(guestPost).toBe(
      'The following is a guest post from Galymzhan Kirbassov, a Ph.D. candidate in political science at SUNY Binghamton.',
    );
  });

  it('does not take the first wrapped line of an untitled document for its headline', () => {
    const wrapped = hardWrapped('sipri');
    const firstLine = wrapped.split('\n')[0]!;
    expect(firstLine).toBe(
      'Here is the conclusions and recommendations section of my policy brief',
    );
    const { doc } = pipeline(wrapped);
    expect(doc.title).toBeUndefined();
    expect(doc.blocks[0]!.text).toBe(sourceText('sipri').split('\n')[0]);
  });
});
