import { describe, expect, it } from 'vitest';
import { documentSchema, type DocumentData } from '../../../src/content/schema.ts';
import { paragraphId } from '../../../src/ingest/ids.ts';
import { type ExistingEntry, type Outcome } from '../../../src/ingest/ingest.ts';
import { Refusal } from '../../../src/ingest/refusal.ts';
import { bodyIds, parseEntry } from '../../../src/ingest/write.ts';
import {
  allCommittedEntries,
  committedEntry,
  ENTRY_SLUGS,
  fixtureBytes,
  SOURCE_KEYS,
  SOURCES,
  sourceBytes,
  sourceText,
  toWindows1252,
  utf8,
  type SourceKey,
  ingestSource,
} from './helpers.ts';

function asExisting(slug: string, entry: string): ExistingEntry {
  const { data, body } = parseEntry(entry);
  return { slug, data: documentSchema.parse(data), text: entry, body };
}

function written(outcome: Outcome): { entry: string; data: DocumentData; body: string } {
  if (outcome.status === 'unchanged') throw new Error(`expected an entry, got ${outcome.status}`);
  const { data, body } = parseEntry(outcome.entry);
  return { entry: outcome.entry, data: documentSchema.parse(data), body };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    return (error as Refusal).message;
  }
  throw new Error('expected a Refusal, but nothing was thrown');
}

/** The source with one sentence changed: the paragraph on `line` and no other. */
function edited(key: SourceKey, line: number, from: string, to: string) {
  const lines = sourceText(key).split('\n');
  const before = lines[line - 1]!;
  expect(before).toContain(from);
  lines[line - 1] = before.replace(from, to);
  return { bytes: utf8(lines.join('\n')), before, after: lines[line - 1]! };
}

describe('ingestSource: idempotency', () => {
  it.each(SOURCE_KEYS)('%s: ingesting the written entry again changes nothing', (key) => {
    const first = ingestSource(sourceBytes(key), SOURCES[key], []);
    expect(first.status).toBe('ingested');
    const again = ingestSource(sourceBytes(key), SOURCES[key], [
      asExisting(first.slug, written(first).entry),
    ]);
    expect(again).toEqual({ status: 'unchanged', slug: first.slug });
  });

  it.each(SOURCE_KEYS)('%s: the committed collection is what the ingest writes', (key) => {
    const outcome = ingestSource(sourceBytes(key), SOURCES[key], allCommittedEntries());
    expect(outcome).toEqual({ status: 'unchanged', slug: ENTRY_SLUGS[key] });
  });

  it('names new entries after their headline', () => {
    for (const key of ['eastWest', 'natoReview', 'diplomat', 'commentary'] as const) {
      expect(ingestSource(sourceBytes(key), SOURCES[key], []).slug).toBe(ENTRY_SLUGS[key]);
    }
  });

  it('003 has no headline: its first heading stands in, marked inferred for an editor', () => {
    const outcome = ingestSource(sourceBytes('sipri'), SOURCES.sipri, []);
    expect(outcome.slug).toBe('conclusions-and-recommendations');
    const { data } = written(outcome);
    expect(data).toMatchObject({
      title: 'Conclusions and Recommendations',
      titleOrigin: 'inferred',
      titleNote:
        'The source has no headline; this is its first section heading, until an editor sets a title.',
    });
  });
});

describe('ingestSource: a changed source keeps the editors’ work', () => {
  it('003: editorial title, summary, key points, topics, type and date are kept', () => {
    const existing = allCommittedEntries();
    const old = committedEntry('sipri');
    const { bytes, before, after } = edited('sipri', 4, 'will not disappear', 'will not vanish');
    const outcome = ingestSource(bytes, SOURCES.sipri, existing);
    if (outcome.status !== 'updated') throw new Error(`expected updated, got ${outcome.status}`);
    expect(outcome.slug).toBe(old.slug);

    const { data, body } = written(outcome);
    for (const field of [
      'title',
      'titleOrigin',
      'titleNote',
      'summary',
      'keyPoints',
      'topics',
      'type',
      'typeOrigin',
      'typeEvidence',
      'published',
    ] as const) {
      expect(data[field], field).toEqual(old.data[field]);
    }
    expect(data.titleOrigin).toBe('editorial');
    expect(data.summary.by).toBe('editorial');
    expect(data.source.sha256).not.toBe(old.data.source.sha256);
    expect(data.source.bytes).toBe(old.data.source.bytes - 3);

    // Exactly the changed paragraph's anchor is gone; every other one is kept, in place.
    const oldIds = bodyIds(old.body);
    expect(oldIds).toContain(paragraphId(before));
    expect(outcome.removedIds).toEqual([paragraphId(before)]);
    expect(bodyIds(body)).toEqual(
      oldIds.map((id) => (id === paragraphId(before) ? paragraphId(after) : id)),
    );
  });

  it('004: fresh facts come from the source while editorial ones stay', () => {
    const old = committedEntry('commentary');
    expect(old.data.countries).toContain('thailand');
    const { bytes, before } = edited(
      'commentary',
      20,
      'is competing with Thailand to secure',
      'is competing to secure',
    );
    const outcome = ingestSource(bytes, SOURCES.commentary, allCommittedEntries());
    if (outcome.status !== 'updated') throw new Error(`expected updated, got ${outcome.status}`);
    const { data } = written(outcome);
    expect(data.countries).toEqual(old.data.countries.filter((c) => c !== 'thailand'));
    expect(data.summary).toEqual(old.data.summary);
    expect(data.keyPoints).toEqual(old.data.keyPoints);
    expect(data.topics).toEqual(old.data.topics);
    expect(data.type).toBe('commentary');
    expect(data.typeOrigin).toBe('editorial');
    expect(data.title).toBe(old.data.title);
    expect(outcome.removedIds).toEqual([paragraphId(before)]);
  });

  it('001: a changed headline of the source replaces the title; editorial fields stay', () => {
    const lines = sourceText('natoReview').split('\n');
    lines[1] = 'Renewing Central Asian Partnerships After Andijan';
    const outcome = ingestSource(utf8(lines.join('\n')), SOURCES.natoReview, allCommittedEntries());
    if (outcome.status !== 'updated') throw new Error(`expected updated, got ${outcome.status}`);
    const { data } = written(outcome);
    expect(outcome.slug).toBe(ENTRY_SLUGS.natoReview);
    expect(data.title).toBe('Renewing Central Asian Partnerships After Andijan');
    expect(data.summary).toEqual(committedEntry('natoReview').data.summary);
    expect(outcome.removedIds).toEqual([]);
  });
});

describe('ingestSource: a link to a rewritten paragraph still lands on it', () => {
  it('the old id of a corrected paragraph points at the corrected one (by: machine)', () => {
    const { bytes, before, after } = edited('sipri', 4, 'will not disappear', 'will not vanish');
    const outcome = ingestSource(bytes, SOURCES.sipri, allCommittedEntries());
    if (outcome.status !== 'updated') throw new Error(`expected updated, got ${outcome.status}`);
    const moved = { id: paragraphId(before), now: paragraphId(after) };
    expect(outcome.moved).toEqual([moved]);
    expect(outcome.lost).toEqual([]);
    expect(written(outcome).data.formerIds).toEqual([{ ...moved, by: 'machine' }]);
  });

  it("a second correction moves the first one's former id along, and keeps an editor's", () => {
    const first = edited('sipri', 4, 'will not disappear', 'will not vanish');
    const once = ingestSource(first.bytes, SOURCES.sipri, allCommittedEntries());
    if (once.status !== 'updated') throw new Error(`expected updated, got ${once.status}`);
    // An editor points a made-up old id at an untouched heading of the same entry.
    const heading = bodyIds(written(once).body).find((id) => !id.startsWith('p-'))!;
    const pointed = once.entry.replace(
      /^formerIds:\n/m,
      `formerIds:\n  - id: old-heading\n    now: ${heading}\n    by: editorial\n`,
    );
    const existing = allCommittedEntries().map((e) =>
      e.slug === once.slug ? asExisting(once.slug, pointed) : e,
    );
    const lines = first.after.replace('will not vanish', 'will surely not vanish');
    const text = sourceText('sipri').split('\n');
    text[3] = lines;
    const twice = ingestSource(utf8(text.join('\n')), SOURCES.sipri, existing);
    if (twice.status !== 'updated') throw new Error(`expected updated, got ${twice.status}`);
    expect(written(twice).data.formerIds).toEqual(
      [
        { id: 'old-heading', now: heading, by: 'editorial' },
        { id: paragraphId(first.before), now: paragraphId(lines), by: 'machine' },
        { id: paragraphId(first.after), now: paragraphId(lines), by: 'machine' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  it('a paragraph replaced by unrelated words has nowhere to land, and is reported', () => {
    const lines = sourceText('sipri').split('\n');
    const before = lines[3]!;
    lines[3] = 'An unrelated note about river water quotas and their seasonal shortfalls.';
    const outcome = ingestSource(utf8(lines.join('\n')), SOURCES.sipri, allCommittedEntries());
    if (outcome.status !== 'updated') throw new Error(`expected updated, got ${outcome.status}`);
    expect(outcome.lost).toEqual([paragraphId(before)]);
    expect(written(outcome).data.formerIds).toBeUndefined();
  });
});

describe('ingestSource: refusals', () => {
  it('refuses the same text under another file name, naming the existing entry', () => {
    const message = `duplicate: same text as entry "${ENTRY_SLUGS.diplomat}" (sources/${SOURCES.diplomat}, text sha256 ${committedEntry('diplomat').data.source.textSha256.slice(0, 12)})`;
    expect(
      refusal(() =>
        ingestSource(sourceBytes('diplomat'), 'copy of 002.txt', allCommittedEntries()),
      ),
    ).toBe(message);
    // The same document saved by another editor: Windows-1252 and CRLF line endings.
    const resaved = toWindows1252(sourceText('diplomat').replace(/\n/g, '\r\n'));
    expect(refusal(() => ingestSource(resaved, 'diplomat.txt', allCommittedEntries()))).toBe(
      message,
    );
  });

  it('refuses a file that holds only a headline', () => {
    expect(new TextDecoder().decode(fixtureBytes('title-only.txt'))).toBe(
      `${sourceText('diplomat').split('\n')[2]}\n`,
    );
    expect(refusal(() => ingestSource(fixtureBytes('title-only.txt'), 'title-only.txt', []))).toBe(
      'no text: the file holds only a headline',
    );
    const header = sourceText('diplomat').split('\n').slice(0, 14).join('\n');
    expect(refusal(() => ingestSource(utf8(header), 'header.txt', []))).toBe(
      'no text: the file holds only a headline',
    );
  });

  it('refuses a file of page furniture only', () => {
    const furniture = sourceText('commentary').split('\n').slice(0, 2).join('\n');
    expect(refusal(() => ingestSource(utf8(furniture), 'furniture.txt', []))).toBe(
      'no text: nothing but page furniture',
    );
  });

  it('refuses what decode refuses', () => {
    expect(refusal(() => ingestSource(fixtureBytes('pixel.png'), 'pixel.png', []))).toMatch(
      /^binary input: this is a PNG image/,
    );
  });
});

describe('ingestSource: names and sizes', () => {
  it('takes a file name with spaces and non-Latin letters', () => {
    const name = 'Доклад о безопасности 2024.txt';
    const outcome = ingestSource(sourceBytes('eastWest'), name, []);
    const { entry, data, body } = written(outcome);
    expect(outcome.slug).toBe(ENTRY_SLUGS.eastWest);
    expect(data.source.file).toBe(name);
    expect(body.split('\n')[0]).toContain(`sources/${name}.`);
    expect(ingestSource(sourceBytes('eastWest'), name, [asExisting(outcome.slug, entry)])).toEqual({
      status: 'unchanged',
      slug: outcome.slug,
    });
    expect(
      refusal(() => ingestSource(sourceBytes('eastWest'), name, allCommittedEntries())),
    ).toMatch(new RegExp(`^duplicate: same text as entry "${ENTRY_SLUGS.eastWest}"`));
  });

  it('slugs a non-Latin headline in its own script', () => {
    const lines = sourceText('eastWest').split('\n');
    lines[0] = 'Доклад о безопасности в Центральной Азии 2024';
    const outcome = ingestSource(utf8(lines.join('\n')), 'Доклад.txt', []);
    expect(outcome.slug).toBe('доклад-о-безопасности-в-центральной-азии-2024');
    expect(written(outcome).data.title).toBe(lines[0]);
  });

  it('gives a new document whose headline is taken a -2 slug', () => {
    const { bytes } = edited('commentary', 10, 'With most eyes', 'With all eyes');
    const outcome = ingestSource(bytes, 'commentary, second version.txt', allCommittedEntries());
    expect(outcome).toMatchObject({ status: 'ingested', slug: `${ENTRY_SLUGS.commentary}-2` });
  });

  it('ingests a 200 KB single-line paragraph', () => {
    const paragraph = sourceText('commentary').split('\n')[10]!;
    const line = Array.from(
      { length: Math.ceil(200_000 / paragraph.length) },
      () => paragraph,
    ).join(' ');
    const { body } = written(ingestSource(utf8(line), 'one-line.txt', []));
    expect(bodyIds(body)).toHaveLength(1);
  });

  it('ingests a real source repeated to about 3 MB', { timeout: 60_000 }, () => {
    const copies = Array.from({ length: 330 }, () => sourceText('natoReview')).join('\n\n');
    expect(copies.length).toBeGreaterThan(3_000_000);
    const outcome = ingestSource(utf8(copies), 'big.txt', []);
    const { data, body } = written(outcome);
    expect(outcome.slug).toBe(ENTRY_SLUGS.natoReview);
    // Each copy's pull quote is omitted; each copy's paragraphs are kept, made unique in order.
    expect(data.source.omitted.filter((o) => o.reason.startsWith('pull quote'))).toHaveLength(330);
    const ids = bodyIds(body);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ids.filter((id) => id.startsWith(paragraphId(sourceText('natoReview').split('\n')[4]!))),
    ).toHaveLength(330);
  });
});
