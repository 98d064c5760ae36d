import { describe, expect, test } from 'vitest';
import { cutPassages, passageAt, type Anchor } from '../../../src/lib/search/passages.ts';
import { index, urlOf } from './corpus.ts';

// A document page as Pagefind records it: headline (no id), "Summary" heading followed by the
// summary and key points (no ids), then the text's paragraphs and headings, each with its id.

describe('cutPassages', () => {
  const anchors: Anchor[] = [
    { element: 'h2', id: 'summary-heading', text: 'Summary', location: 5 },
    { element: 'p', id: 'p-1', location: 40 },
    { element: 'p', id: 'p-2', location: 50 },
    { element: 'h2', id: 'andijan-effect', text: 'Andijan effect', location: 60 },
    { element: 'p', id: 'p-3', location: 62 },
    { element: 'p', id: 'p-4', location: 70 },
  ];
  const passages = cutPassages(80, anchors, 'The title');

  test('the text before the first id is the headline, labelled with the title', () => {
    expect(passages[0]).toEqual({ label: 'The title', start: 0, end: 5 });
  });

  test('a heading followed by text without ids keeps that text, under its own label', () => {
    expect(passages[1]).toMatchObject({ id: 'summary-heading', label: 'Summary', end: 40 });
  });

  test('paragraphs after such a heading are numbered from the start of the text', () => {
    expect(passages.slice(2, 4).map((p) => p.label)).toEqual(['Paragraph 1', 'Paragraph 2']);
  });

  test('paragraphs right after a heading are numbered in its section', () => {
    expect(passages.slice(4).map((p) => [p.id, p.label])).toEqual([
      ['andijan-effect', 'Andijan effect'],
      ['p-3', 'Andijan effect, paragraph 1'],
      ['p-4', 'Andijan effect, paragraph 2'],
    ]);
  });

  test('passages cover the words in order, without overlap', () => {
    for (let i = 1; i < passages.length; i++) {
      expect(passages[i]!.start).toBe(passages[i - 1]!.end);
    }
    expect(passages.at(-1)!.end).toBe(80);
  });

  test('passageAt finds the passage holding a word', () => {
    expect(passages[passageAt(passages, 0)]!.label).toBe('The title');
    expect(passages[passageAt(passages, 65)]!.id).toBe('p-3');
    expect(passageAt(passages, 80)).toBe(-1);
  });

  test('on the NATO Review article, the sections are its own headings', () => {
    const page = index.pages.find((p) => p.url === urlOf('renewing'))!;
    const words = page.content.split(/\s+/).length;
    const labels = cutPassages(words, page.anchors, 'x').map((p) => p.label);
    expect(labels).toContain('Andijan effect, paragraph 1');
    expect(labels).toContain('Building a NATO-SCO dialogue');
    expect(labels.filter((l) => l.startsWith('Paragraph '))).toHaveLength(3);
  });
});
