import { describe, expect, it } from 'vitest';
import {
  mergeTimeline,
  parseTimeline,
  sortTimeline,
  timelineByYear,
  timelineDate,
  timelineProblems,
  type TimelineEntry,
} from '../../../src/lib/timeline.ts';
import { normalizeSpace } from '../../../src/lib/quotes.ts';
import { documents, readSource, registry, texts } from './corpus.ts';

const FILE = 'src/content/timeline/events.yaml';
const entries = mergeTimeline(parseTimeline(readSource(FILE), FILE), FILE);
const entityIds = new Set(registry.map((e) => e.id));

describe('the timeline data', () => {
  it('has no problem the build would fail on', () => {
    expect(timelineProblems(entries, texts, entityIds, FILE)).toEqual([]);
  });

  it('quotes every source exactly from a paragraph that exists', () => {
    // Checked here directly against the texts, not through the function the build uses.
    for (const entry of entries) {
      for (const source of entry.sources) {
        const doc = documents.find((d) => d.id === source.document);
        expect(doc, `${entry.id}: document ${source.document}`).toBeDefined();
        const block = doc!.blocks.find((b) => b.id === source.paragraph);
        expect(block, `${entry.id}: ${source.document}#${source.paragraph}`).toBeDefined();
        expect(normalizeSpace(block!.text), entry.id).toContain(normalizeSpace(source.quote));
      }
    }
  });

  it('holds the events the issue names, at their precision', () => {
    const shown = (id: string) => timelineDate(entries.find((e) => e.id === id)!).text;
    expect(shown('nato-takes-over-isaf')).toBe('August 2003');
    expect(shown('istanbul-summit')).toBe('June 2004');
    expect(shown('andijan-crackdown')).toBe('May 2005');
    expect(shown('caco-merges-into-eurasec')).toBe('2005');
    expect(shown('kyrgyz-tajik-border-conflict')).toBe('September 2022');
    expect(shown('birlestik-2024')).toBe('July 9–17, 2024');
    expect(shown('security-council-secretaries-meeting')).toBe('May 16, 2024');
  });

  it('gives each event once, with all the paragraphs that report it', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const andijan = entries.find((e) => e.id === 'andijan-crackdown')!;
    expect(andijan.sources.map((s) => s.paragraph)).toEqual(['p-eabb9b', 'p-b366ee']);
  });

  it('orders events oldest first, a year before the dated events of that year, the same whatever the file order', () => {
    const sorted = sortTimeline(entries);
    const keys = sorted.map((e) => e.date);
    expect(keys[0]).toBe('1999');
    const in2005 = sorted.filter((e) => e.date.startsWith('2005')).map((e) => e.id);
    expect(in2005).toEqual(['caco-merges-into-eurasec', 'andijan-crackdown', 'sco-astana-summit']);
    expect(sortTimeline([...entries].reverse())).toEqual(sorted);
    expect(JSON.stringify(timelineByYear([...entries].reverse()))).toBe(
      JSON.stringify(timelineByYear(entries)),
    );
  });
});

describe('timeline checks', () => {
  const base: TimelineEntry = {
    id: 'andijan',
    date: '2005-05',
    precision: 'month',
    label: 'The crackdown in Andijan',
    entities: [],
    sources: [
      {
        document: 'renewing-central-asian-partnerships',
        paragraph: 'p-b366ee',
        quote: "After the Uzbek government's crackdown in Andijan in May 2005",
      },
    ],
  };
  const problems = (entry: Partial<TimelineEntry>) =>
    timelineProblems([{ ...base, ...entry }], texts, entityIds, 'events.yaml');

  it('accepts an entry its quotation bears out', () => {
    expect(problems({})).toEqual([]);
  });

  it('refuses a quotation that is not in its paragraph, or a paragraph that does not exist', () => {
    const source = base.sources[0]!;
    expect(problems({ sources: [{ ...source, quote: 'crackdown in Andijan in June 2005' }] }))
      .toMatchInlineSnapshot(`
        [
          "events.yaml: event "andijan": no quotation names the month May",
          "events.yaml: event "andijan", sources[0]: paragraph renewing-central-asian-partnerships#p-b366ee does not contain the quoted words "crackdown in Andijan in June 2005"; copy them exactly from the text",
        ]
      `);
    expect(problems({ sources: [{ ...source, paragraph: 'p-000000' }] })).toEqual([
      'events.yaml: event "andijan", sources[0]: document "renewing-central-asian-partnerships" has no paragraph "p-000000"',
    ]);
    expect(problems({ sources: [{ ...source, document: 'no-such-document' }] })).toHaveLength(1);
  });

  it('refuses a date more precise than its evidence, and quoted words no source says', () => {
    expect(problems({ date: '2005-05-13', precision: 'day' })).toEqual([
      'events.yaml: event "andijan": no quotation gives the day "May 13"',
    ]);
    expect(problems({ date: '2005', precision: 'month' })[0]).toMatch(/does not match precision/);
    expect(problems({ label: 'NATO calls it “a massacre”' })[0]).toMatch(
      /quotes “a massacre”, which none of its source paragraphs says/,
    );
    expect(problems({ entities: ['atlantis'] })[0]).toMatch(/no entity "atlantis"/);
  });

  it('merges entries with the same id into one event with all their sources', () => {
    const other = {
      ...base,
      sources: [
        {
          document: 'renewing-central-asian-partnerships',
          paragraph: 'p-eabb9b',
          quote: "the Uzbek government's May 2005 crackdown in Andijan",
        },
      ],
      entities: ['uzbekistan'],
    };
    const merged = mergeTimeline([base, other, base], 'events.yaml');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources.map((s) => s.paragraph)).toEqual(['p-b366ee', 'p-eabb9b']);
    expect(merged[0]!.entities).toEqual(['uzbekistan']);
    expect(() => mergeTimeline([base, { ...other, date: '2005' }], 'events.yaml')).toThrow(
      /listed twice with different dates/,
    );
  });

  it('refuses a file that does not fit the schema, naming the event and field', () => {
    expect(() => parseTimeline('- id: x\n  date: May 2005\n', 'events.yaml')).toThrow(
      'events.yaml: event 1 ("x"), field "date"',
    );
  });

  it('shows dates at their precision', () => {
    const date = (e: Partial<TimelineEntry>) => timelineDate({ ...base, ...e });
    expect(date({ date: '2005', precision: 'year' })).toEqual({ text: '2005', datetime: '2005' });
    expect(date({ date: '2006', precision: 'season', season: 'autumn' }).text).toBe('Autumn 2006');
    expect(date({})).toEqual({ text: 'May 2005', datetime: '2005-05' });
    expect(date({ date: '2024-07-09', until: '2024-07-17', precision: 'day' })).toEqual({
      text: 'July 9–17, 2024',
      datetime: '2024-07-09',
    });
  });
});
