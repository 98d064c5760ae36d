import { describe, expect, it } from 'vitest';
import type { PublishedDate } from '../../../src/content/schema';
import {
  comparePublished,
  displayDate,
  publishedSortKey,
  publishedYears,
} from '../../../src/lib/dates';

// The five documents' dates, as the ingest reads them from the sources.
const policyReport: PublishedDate = {
  date: '2010-04-26',
  precision: 'day',
  origin: 'source',
  evidence: 'Policy Report | April 26, 2010',
};
const natoReview: PublishedDate = {
  date: '2006-09',
  precision: 'season',
  season: 'autumn',
  origin: 'source',
  evidence: 'This article originally appeared in the autumn 2006 issue of the NATO Review.',
};
const diplomat: PublishedDate = {
  date: '2024-07-30',
  until: '2024-08-09',
  precision: 'range',
  origin: 'inferred',
  evidence: 'events up to July 30, 2024; a meeting "scheduled for August 9"',
};
const commentary: PublishedDate = {
  date: '2014-12-26',
  precision: 'day',
  origin: 'source',
  evidence: '- December 26, 2014',
};
const sipriYear: PublishedDate = {
  date: '2014',
  precision: 'year',
  origin: 'editorial',
  evidence: 'the completion of NATO’s withdrawal from Afghanistan in 2014',
};
const july2024: PublishedDate = {
  date: '2024-07',
  precision: 'month',
  origin: 'source',
  evidence: 'July 2024',
};

describe('displayDate', () => {
  it('shows a day as "April 26, 2010" with a full datetime', () => {
    const shown = displayDate(policyReport);
    expect(shown.text).toBe('April 26, 2010');
    expect(shown.parts).toEqual([{ text: 'April 26, 2010', datetime: '2010-04-26' }]);
    expect(shown.inferred).toBe(false);
    expect(shown.explanation).toBeUndefined();
  });

  it('shows a month as "July 2024"', () => {
    expect(displayDate(july2024).parts).toEqual([{ text: 'July 2024', datetime: '2024-07' }]);
  });

  it('shows a season as "Autumn 2006", with only the year as datetime', () => {
    expect(displayDate(natoReview).parts).toEqual([{ text: 'Autumn 2006', datetime: '2006' }]);
  });

  it('shows a year as "2014"', () => {
    const shown = displayDate({ ...sipriYear, origin: 'source' });
    expect(shown.text).toBe('2014');
    expect(shown.parts[0]?.datetime).toBe('2014');
  });

  it('shows an inferred range as "between July 30 and August 9, 2024", flagged, without "about"', () => {
    const shown = displayDate(diplomat);
    expect(shown.text).toBe('between July 30 and August 9, 2024');
    expect(shown.parts.filter((p) => p.datetime).map((p) => p.datetime)).toEqual([
      '2024-07-30',
      '2024-08-09',
    ]);
    expect(shown.inferred).toBe(true);
    expect(shown.explanation).toMatch(/inferred by the ingest/i);
  });

  it('keeps both years in a range across a new year', () => {
    const shown = displayDate({ ...diplomat, date: '2023-12-30', until: '2024-01-05' });
    expect(shown.text).toBe('between December 30, 2023 and January 5, 2024');
  });

  it('prefixes an editor-inferred date with "about" and says who set it', () => {
    const shown = displayDate(sipriYear);
    expect(shown.text).toBe('about 2014');
    expect(shown.inferred).toBe(true);
    expect(shown.explanation).toMatch(/editor/);
  });

  it('says "Date unknown" for an undated document', () => {
    const shown = displayDate(undefined);
    expect(shown.text).toBe('Date unknown');
    expect(shown.parts).toEqual([{ text: 'Date unknown' }]);
    expect(shown.inferred).toBe(false);
  });

  it('names the field and the fix when a date is coarser than its precision', () => {
    expect(() => displayDate({ ...policyReport, date: '2010-04' })).toThrow(
      /published\.date "2010-04".*precision "day".*YYYY-MM-DD/,
    );
    expect(() => displayDate({ ...policyReport, date: '2010-13-01' })).toThrow(/no month 13/);
  });
});

describe('publishedSortKey', () => {
  it('pads every precision to a sortable day', () => {
    expect(publishedSortKey(policyReport)).toBe('2010-04-26');
    expect(publishedSortKey(natoReview)).toBe('2006-09-01');
    expect(publishedSortKey(sipriYear)).toBe('2014-01-01');
    expect(publishedSortKey(diplomat)).toBe('2024-07-30');
    expect(publishedSortKey(undefined)).toBeUndefined();
  });
});

describe('comparePublished', () => {
  const all = [natoReview, undefined, commentary, diplomat, policyReport];
  const texts = (dates: (PublishedDate | undefined)[]) => dates.map((d) => displayDate(d).text);

  it('sorts newest first with the undated last', () => {
    const sorted = [...all].sort((a, b) => comparePublished(a, b, 'newest'));
    expect(texts(sorted)).toEqual([
      'between July 30 and August 9, 2024',
      'December 26, 2014',
      'April 26, 2010',
      'Autumn 2006',
      'Date unknown',
    ]);
  });

  it('sorts oldest first with the undated still last', () => {
    const sorted = [...all].sort((a, b) => comparePublished(a, b, 'oldest'));
    expect(texts(sorted)).toEqual([
      'Autumn 2006',
      'April 26, 2010',
      'December 26, 2014',
      'between July 30 and August 9, 2024',
      'Date unknown',
    ]);
  });
});

describe('publishedYears', () => {
  it('gives the years a date can fall in', () => {
    expect(publishedYears(natoReview)).toEqual([2006]);
    expect(publishedYears(diplomat)).toEqual([2024]);
    expect(publishedYears({ ...diplomat, date: '2023-12-30', until: '2024-01-05' })).toEqual([
      2023, 2024,
    ]);
    expect(publishedYears(undefined)).toEqual([]);
  });
});
