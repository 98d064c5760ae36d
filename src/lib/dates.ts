import type { PublishedDate } from '../content/schema';

/**
 * How a published date is sorted and shown. Pure: no Date objects, so no time zone can move a day.
 */

/** English month names, January first: the one list the dates, citations and timeline use. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

function parseIso(iso: string, field: string): DateParts {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) {
    throw new Error(`${field} "${iso}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  const [, year, month, day] = match;
  const parts: DateParts = { year: Number(year) };
  if (month !== undefined) {
    parts.month = Number(month);
    if (parts.month < 1 || parts.month > 12) {
      throw new Error(`${field} "${iso}" has no month ${month}: use 01 to 12`);
    }
  }
  if (day !== undefined) {
    parts.day = Number(day);
    if (parts.day < 1 || parts.day > 31) {
      throw new Error(`${field} "${iso}" has no day ${day}: use 01 to 31`);
    }
  }
  return parts;
}

type WithMonth = DateParts & { month: number };

/** Parses `iso` and checks that it is at least as fine as its precision needs. */
function partsAtLeast(
  iso: string,
  field: string,
  precision: string,
  needs: 'month' | 'day',
): WithMonth {
  const parts = parseIso(iso, field);
  if (parts.month === undefined || (needs === 'day' && parts.day === undefined)) {
    throw new Error(
      `${field} "${iso}" is too coarse for precision "${precision}": ` +
        `write ${needs === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'} or lower the precision`,
    );
  }
  return { ...parts, month: parts.month };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A string that sorts chronologically (YYYY-MM-DD, missing parts as 01): the earliest day the
 * date can mean. Undefined for an undated document, which lists sort last in either order.
 */
export function publishedSortKey(published: PublishedDate | undefined): string | undefined {
  if (!published) return undefined;
  const { year, month = 1, day = 1 } = parseIso(published.date, 'published.date');
  return `${year}-${pad(month)}-${pad(day)}`;
}

export type DateOrder = 'newest' | 'oldest';

/** Compares two published dates for `Array.sort`; undated last whatever the order. */
export function comparePublished(
  a: PublishedDate | undefined,
  b: PublishedDate | undefined,
  order: DateOrder,
): number {
  const ka = publishedSortKey(a);
  const kb = publishedSortKey(b);
  if (ka === kb) return 0;
  if (ka === undefined) return 1;
  if (kb === undefined) return -1;
  const ascending = ka < kb ? -1 : 1;
  return order === 'oldest' ? ascending : -ascending;
}

/** A run of display text, with the machine-readable value when it is a single date. */
export interface DatePart {
  text: string;
  /** A valid HTML `<time datetime>` value (YYYY, YYYY-MM or YYYY-MM-DD). */
  datetime?: string;
}

export interface DisplayDate {
  /** The whole date as plain text, e.g. "about July 2024" or "Date unknown". */
  text: string;
  /** The same text split so that each date can be wrapped in `<time>`. */
  parts: DatePart[];
  /** True when the date was inferred by the ingest or an editor rather than stated in the source. */
  inferred: boolean;
  /** Why the date is flagged, for a title or a note next to "(inferred)". */
  explanation?: string;
}

/** "July 30", "August 9, 2024", "July 2024". */
function dayText(p: WithMonth, withYear: boolean): string {
  const month = MONTHS[p.month - 1];
  const monthDay = p.day === undefined ? month : `${month} ${p.day}`;
  if (!withYear) return monthDay;
  return p.day === undefined ? `${monthDay} ${p.year}` : `${monthDay}, ${p.year}`;
}

function datetimeOf(p: DateParts): string {
  if (p.month === undefined) return String(p.year);
  if (p.day === undefined) return `${p.year}-${pad(p.month)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function rangeParts(published: PublishedDate): DatePart[] {
  if (published.until === undefined) {
    throw new Error('published.until is missing for precision "range": add the last possible day');
  }
  const start = parseIso(published.date, 'published.date');
  const end = partsAtLeast(published.until, 'published.until', 'range', 'day');
  // Within one year the start can drop its year ("between July 30 and August 9, 2024").
  const startText =
    start.month === undefined
      ? String(start.year)
      : dayText(
          { ...start, month: start.month },
          start.year !== end.year || start.day === undefined,
        );
  return [
    { text: 'between ' },
    { text: startText, datetime: datetimeOf(start) },
    { text: ' and ' },
    { text: dayText(end, true), datetime: datetimeOf(end) },
  ];
}

function exactParts(published: PublishedDate): DatePart[] {
  const { date, precision, season } = published;
  switch (precision) {
    case 'day': {
      const p = partsAtLeast(date, 'published.date', precision, 'day');
      return [{ text: dayText(p, true), datetime: datetimeOf(p) }];
    }
    case 'month': {
      const p = partsAtLeast(date, 'published.date', precision, 'month');
      return [
        {
          text: dayText({ year: p.year, month: p.month }, true),
          datetime: datetimeOf({ year: p.year, month: p.month }),
        },
      ];
    }
    case 'season': {
      if (season === undefined) {
        throw new Error(
          'published.season is missing for precision "season": add spring, summer, autumn or winter',
        );
      }
      const { year } = parseIso(date, 'published.date');
      // A season is not a valid datetime value; its year is.
      return [
        { text: `${season[0]!.toUpperCase()}${season.slice(1)} ${year}`, datetime: String(year) },
      ];
    }
    case 'year': {
      const { year } = parseIso(date, 'published.date');
      return [{ text: String(year), datetime: String(year) }];
    }
    case 'range':
      return rangeParts(published);
  }
}

const EXPLANATIONS = {
  inferred: 'Inferred by the ingest from the text, not stated in the source',
  editorial: 'Set by an editor from the text, not stated in the source',
} as const;

/** The published date as a reader should see it, honoring its precision and origin. */
export function displayDate(published: PublishedDate | undefined): DisplayDate {
  if (!published)
    return { text: 'Date unknown', parts: [{ text: 'Date unknown' }], inferred: false };
  const parts = exactParts(published);
  const inferred = published.origin !== 'source';
  // A range already says how uncertain it is; any other inferred date is approximate.
  if (inferred && published.precision !== 'range') parts.unshift({ text: 'about ' });
  return {
    text: parts.map((p) => p.text).join(''),
    parts,
    inferred,
    explanation: inferred ? EXPLANATIONS[published.origin as 'inferred' | 'editorial'] : undefined,
  };
}

/** The calendar years a date may fall in, for describing the span of a collection. */
export function publishedYears(published: PublishedDate | undefined): number[] {
  if (!published) return [];
  const start = parseIso(published.date, 'published.date').year;
  const end = published.until ? parseIso(published.until, 'published.until').year : start;
  return start === end ? [start] : [start, end];
}
