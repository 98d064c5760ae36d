import { parse } from 'yaml';
import { z } from 'astro/zod';
import { entityId, entityIdPattern } from '../content/entity-schema.ts';
import { paragraphQuote, quoteProblems, unsupportedQuotations, type BlockTexts } from './quotes.ts';
import { MONTHS } from './dates';

/**
 * The timeline: dated events the documents report, kept by editors in
 * src/content/timeline/events.yaml. Each event says how precisely the documents date it and
 * quotes, for every source, the words that date it. These functions are pure: they validate the
 * file, merge entries that describe one event, check every quotation against the text, and order
 * the result, so that two builds of the same data give the same page.
 */

export const timelinePrecisions = ['day', 'month', 'season', 'year'] as const;
export type TimelinePrecision = (typeof timelinePrecisions)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD at the precision');

export const timelineEntry = z
  .object({
    /** A readable slug, also the entry's anchor on /timeline/. Entries sharing an id are one
     * event reported in several places: they are merged, and must agree on the date. */
    id: z.string().regex(entityIdPattern, 'expected a slug of lowercase words joined by hyphens'),
    /** ISO 8601 at the stated precision: 2024-05-16, 2003-08, 2005. */
    date: isoDate,
    /** The last day of an event that lasted several days (precision "day" only). */
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .optional(),
    /** How precisely the sources date it; the page never shows more. */
    precision: z.enum(timelinePrecisions),
    /** The season, when precision is "season". */
    season: z.enum(['spring', 'summer', 'autumn', 'winter']).optional(),
    /** What happened, in one line, saying only what the sources say. */
    label: z.string().trim().min(1),
    /** "planned": the sources report it as scheduled or expected, not as having happened. */
    status: z.enum(['planned']).optional(),
    /** Anything a reader should know about the dating, e.g. a year read from the context. */
    note: z.string().trim().min(1).optional(),
    /** Entities the event involves, linked from the entry (and the entry from their pages). */
    entities: z.array(entityId).default([]),
    /** Where the documents report it: each paragraph with the words that date it. */
    sources: z.array(paragraphQuote).min(1),
  })
  .strict()
  .refine((e) => e.precision !== 'season' || e.season !== undefined, {
    message: 'a season date needs "season"',
    path: ['season'],
  })
  .refine((e) => e.until === undefined || e.precision === 'day', {
    message: '"until" needs precision "day"',
    path: ['until'],
  });
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** The entries of the YAML file, validated; errors name the file, the entry and the field. */
export function parseTimeline(text: string, file: string): TimelineEntry[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(data)) {
    throw new Error(`${file}: expected a list of events, each starting "- id: …"`);
  }
  return data.map((raw, index) => {
    const result = timelineEntry.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const id = (raw as { id?: unknown } | null)?.id;
      throw new Error(
        `${file}: event ${index + 1}${typeof id === 'string' ? ` ("${id}")` : ''}, field "${issue.path.join('.') || '(root)'}": ${issue.message}`,
      );
    }
    return result.data;
  });
}

const dateKey = (e: TimelineEntry) =>
  `${e.date}|${e.until ?? ''}|${e.precision}|${e.season ?? ''}|${e.status ?? ''}`;

/**
 * One entry per event: entries with the same id are merged into the first, keeping every
 * source (each paragraph once) and every entity. They must agree on the date, its precision and
 * status, or the merge would have to choose; that is an error naming the id.
 */
export function mergeTimeline(entries: readonly TimelineEntry[], file: string): TimelineEntry[] {
  const merged = new Map<string, TimelineEntry>();
  for (const entry of entries) {
    const earlier = merged.get(entry.id);
    if (!earlier) {
      merged.set(entry.id, {
        ...entry,
        sources: [...entry.sources],
        entities: [...entry.entities],
      });
      continue;
    }
    if (dateKey(earlier) !== dateKey(entry)) {
      throw new Error(
        `${file}: event "${entry.id}" is listed twice with different dates (${dateKey(earlier)} and ${dateKey(entry)}); make them agree or give one another id`,
      );
    }
    for (const source of entry.sources) {
      const seen = earlier.sources.some(
        (s) => s.document === source.document && s.paragraph === source.paragraph,
      );
      if (!seen) earlier.sources.push(source);
    }
    for (const id of entry.entities) if (!earlier.entities.includes(id)) earlier.entities.push(id);
    if (!earlier.note && entry.note) earlier.note = entry.note;
  }
  return [...merged.values()];
}

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

function partsOf(iso: string): Parts {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month, day };
}

const PRECISION_PARTS: Record<TimelinePrecision, number> = { year: 1, season: 1, month: 2, day: 3 };

/**
 * Whether the quotations bear the date out: some quotation holds the year, and, as the precision
 * asks, the month's name, the day and the season. "May 2005" cannot be a day, and a year the
 * sources do not state cannot appear.
 */
function dateEvidenceProblems(entry: TimelineEntry, where: string): string[] {
  const problems: string[] = [];
  const given = entry.date.split('-').length;
  if (given !== PRECISION_PARTS[entry.precision]) {
    problems.push(
      `${where}: date "${entry.date}" does not match precision "${entry.precision}"; write ${['YYYY', 'YYYY-MM', 'YYYY-MM-DD'][PRECISION_PARTS[entry.precision] - 1]}`,
    );
    return problems;
  }
  const { year, month, day } = partsOf(entry.date);
  const quotes = entry.sources.map((s) => s.quote);
  const stated = (pattern: RegExp) => quotes.some((q) => pattern.test(q));
  if (!stated(new RegExp(`(?<!\\d)${year}(?!\\d)`))) {
    problems.push(`${where}: no quotation states the year ${year}; quote the words that give it`);
  }
  if (month !== undefined && (month < 1 || month > 12)) {
    problems.push(`${where}: "${entry.date}" has no month ${month}`);
  } else if (month !== undefined && !stated(new RegExp(`\\b${MONTHS[month - 1]}\\b`))) {
    problems.push(`${where}: no quotation names the month ${MONTHS[month - 1]}`);
  }
  if (day !== undefined && !stated(new RegExp(`\\b${MONTHS[month! - 1]} ${day}\\b`))) {
    problems.push(`${where}: no quotation gives the day "${MONTHS[month! - 1]} ${day}"`);
  }
  if (entry.season && !stated(new RegExp(`\\b${entry.season}\\b`, 'i'))) {
    problems.push(`${where}: no quotation names the season "${entry.season}"`);
  }
  if (entry.until !== undefined) {
    const end = partsOf(entry.until);
    const valid = end.year === year && end.month === month && end.day! > day!;
    if (!valid) {
      problems.push(
        `${where}: "until" ${entry.until} must be a later day of the same month as ${entry.date}`,
      );
    } else if (!stated(new RegExp(`\\b${MONTHS[month! - 1]} ${day}\\s*[-–]\\s*${end.day}\\b`))) {
      problems.push(
        `${where}: no quotation gives the days "${MONTHS[month! - 1]} ${day}-${end.day}"`,
      );
    }
  }
  return problems;
}

/**
 * Every problem with the timeline, as messages naming the file and the event: a quotation
 * that is not in its paragraph, a paragraph or document that does not exist, an unknown entity,
 * a date the quotations do not bear out.
 */
export function timelineProblems(
  entries: readonly TimelineEntry[],
  texts: BlockTexts,
  entityIds: ReadonlySet<string>,
  file: string,
): string[] {
  return entries.flatMap((entry) => {
    const where = `${file}: event "${entry.id}"`;
    return [
      ...dateEvidenceProblems(entry, where),
      ...entry.entities
        .filter((id) => !entityIds.has(id))
        .map((id) => `${where}, field "entities": no entity "${id}" in src/content/entities/`),
      ...entry.sources.flatMap((s, i) => quoteProblems(s, texts, `${where}, sources[${i}]`)),
      ...unsupportedQuotations(entry.label, entry.sources, texts, `${where}, field "label"`),
      ...(entry.note
        ? unsupportedQuotations(entry.note, entry.sources, texts, `${where}, field "note"`)
        : []),
    ];
  });
}

/** A string that sorts chronologically: the first day the date can mean. */
export function timelineSortKey(entry: Pick<TimelineEntry, 'date'>): string {
  const { year, month = 1, day = 1 } = partsOf(entry.date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Oldest first; an event known only to its year comes before the dated events of that year;
 * ties by id, so the order never depends on the file's. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const key = (e: TimelineEntry) => `${timelineSortKey(e)}|${PRECISION_PARTS[e.precision]}|${e.id}`;
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The date as shown: "2005", "Autumn 2006", "August 2003", "May 16, 2024", "July 9–17, 2024";
 * `datetime` is the machine-readable first day at the same precision. */
export function timelineDate(entry: TimelineEntry): { text: string; datetime: string } {
  const { year, month, day } = partsOf(entry.date);
  switch (entry.precision) {
    case 'year':
      return { text: String(year), datetime: entry.date };
    case 'season':
      return {
        text: `${entry.season![0]!.toUpperCase()}${entry.season!.slice(1)} ${year}`,
        datetime: String(year),
      };
    case 'month':
      return { text: `${MONTHS[month! - 1]} ${year}`, datetime: entry.date };
    case 'day': {
      const days = entry.until ? `${day}–${partsOf(entry.until).day}` : String(day);
      return { text: `${MONTHS[month! - 1]} ${days}, ${year}`, datetime: entry.date };
    }
  }
}

/** Entries by year, oldest first, for the page's headings. */
export function timelineByYear(
  entries: readonly TimelineEntry[],
): { year: number; entries: TimelineEntry[] }[] {
  const groups = Map.groupBy(sortTimeline(entries), (e) => partsOf(e.date).year);
  return [...groups].map(([year, list]) => ({ year, entries: list }));
}
