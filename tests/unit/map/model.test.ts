import { describe, expect, it } from 'vitest';
import { buildMentionIndex } from '../../../src/lib/entities/graph.ts';
import { centralAsia } from '../../../src/lib/map/countries.ts';
import { countryCounts } from '../../../src/lib/map/counts.ts';
import { getMapGeometry } from '../../../src/lib/map/geometry.ts';
import { buildMapModel, countsPhrase, isOnMap, mapModel } from '../../../src/lib/map/model.ts';
import { documents, registry } from '../entities/corpus.ts';

const index = buildMentionIndex(documents, registry);
const counts = countryCounts(index, registry);
const hrefFor = (id: string) => (id in counts.mentions ? `/entities/${id}/` : undefined);

describe('country counts from the mention index', () => {
  it('sums mentions and counts documents, for every country and nothing else', () => {
    const countries = registry.filter((e) => e.data.kind === 'country').map((e) => e.id);
    expect(Object.keys(counts.mentions).sort()).toEqual(countries.sort());
    expect(Object.keys(counts.documents).sort()).toEqual(countries.sort());
    for (const id of countries) {
      const list = index.byEntity[id]!;
      expect(counts.mentions[id]).toBe(list.reduce((s, d) => s + d.count, 0));
      expect(counts.documents[id]).toBe(list.length);
    }
    // The documents are about Central Asia: its largest state is named in most of them.
    expect(counts.documents['kazakhstan']).toBeGreaterThanOrEqual(3);
  });
});

describe('the map model', () => {
  const model = mapModel({ counts: counts.mentions, documents: counts.documents, hrefFor });

  it('links each registry country, with its counts as its accessible name', () => {
    const kz = model.countries.find((c) => c.id === 'kazakhstan')!;
    expect(kz.href).toBe('/entities/kazakhstan/');
    expect(kz.label).toBe(
      `Kazakhstan: ${counts.mentions['kazakhstan']} mentions in ${counts.documents['kazakhstan']} documents`,
    );
    const mongolia = model.countries.find((c) => c.id === 'mongolia')!;
    expect(mongolia.href).toBeUndefined();
    expect(mongolia.step).toBe(0);
    expect(model.countries.filter((c) => c.id === null).every((c) => !c.href)).toBe(true);
  });

  it('shades by mentions, darker for more', () => {
    const byId = new Map(model.countries.map((c) => [c.id, c]));
    const named = model.countries.filter((c) => c.id && (counts.mentions[c.id] ?? 0) > 0);
    for (const a of named) {
      for (const b of named) {
        if (counts.mentions[a.id!]! > counts.mentions[b.id!]!) {
          expect(a.step, `${a.id} vs ${b.id}`).toBeGreaterThanOrEqual(b.step);
        }
      }
    }
    expect(byId.get('kazakhstan')!.step).toBe(4);
    expect(named.every((c) => c.step > 0)).toBe(true);
  });

  it('labels the five states always, others only when named', () => {
    const none = buildMapModel(getMapGeometry(), { counts: {}, hrefFor });
    expect(none.labels.map((l) => l.name).sort()).toEqual(
      ['Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Turkmenistan', 'Uzbekistan'].sort(),
    );
    expect(none.legend).toEqual([{ step: 0, label: 'Not named' }]);
    expect(none.list).toEqual([]);
    expect(model.labels.map((l) => l.name)).toEqual(
      expect.arrayContaining(['Afghanistan', 'China', 'Russia', 'Iran']),
    );
    expect(model.labels.filter((l) => l.major)).toHaveLength(centralAsia.length);
  });

  it('lists the named countries on the map, most mentioned first', () => {
    const mentions = model.list.map((c) => c.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
    expect(model.list[0]!.name).toBe('Kazakhstan');
    expect(model.list.map((c) => c.id)).not.toContain('united-states');
    expect(model.description).toMatch(
      /^Central Asia and its neighbours, .* Most mentioned: Kazakhstan \(\d+\)/,
    );
  });

  it('draws the highlighted country last and marks it current', () => {
    const here = mapModel({ counts: counts.mentions, hrefFor, highlight: 'uzbekistan' });
    expect(here.countries.at(-1)).toMatchObject({ id: 'uzbekistan', current: true });
    expect(here.countries.filter((c) => c.current)).toHaveLength(1);
    expect(here.labels.find((l) => l.name === 'Uzbekistan')!.current).toBe(true);
    expect(here.list.find((c) => c.id === 'uzbekistan')!.current).toBe(true);
  });

  it('says when the highlighted country is not on the map', () => {
    expect(model.highlightOnMap).toBe(true);
    expect(mapModel({ counts: {}, hrefFor, highlight: 'kazakhstan' }).highlightOnMap).toBe(true);
    const away = mapModel({ counts: counts.mentions, hrefFor, highlight: 'united-states' });
    expect(away.highlightOnMap).toBe(false);
    expect(away.countries.some((c) => c.current)).toBe(false);
    expect(isOnMap('kazakhstan')).toBe(true);
    expect(isOnMap('united-states')).toBe(false);
  });

  it('words the counts', () => {
    expect(countsPhrase(0)).toBe('not named in the documents');
    expect(countsPhrase(1, 1)).toBe('1 mention in 1 document');
    expect(countsPhrase(7)).toBe('7 mentions');
  });
});
