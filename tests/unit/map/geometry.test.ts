import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { Objects, Topology } from 'topojson-specification';
import { centralAsia, countriesByFeature, labelAnchors } from '../../../src/lib/map/countries.ts';
import {
  CompactPath,
  HEIGHT,
  WIDTH,
  buildMapGeometry,
  type CountryProperties,
  getMapGeometry,
  mapProjection,
} from '../../../src/lib/map/geometry.ts';
import { registry } from '../entities/corpus.ts';
import { centroid, contains, rings } from './paths.ts';

const geometry = getMapGeometry();
const shape = (id: string) => {
  const found = geometry.countries.find((c) => c.id === id);
  if (!found) throw new Error(`no shape for ${id}`);
  return found;
};
/** The position of a country's centroid in the viewBox (y grows southwards). */
const at = (id: string) => centroid(shape(id).d);

describe('the map geometry', () => {
  it('draws every Central Asian state and every registry country in the frame', () => {
    for (const id of centralAsia) expect(shape(id).d).toMatch(/^M/);
    const inFrame = new Set(geometry.countries.map((c) => c.id));
    const registryCountries = registry.filter((e) => e.data.kind === 'country');
    const drawn = registryCountries.filter((e) => inFrame.has(e.id)).map((e) => e.id);
    expect(drawn.sort()).toEqual(
      [
        'afghanistan',
        'armenia',
        'azerbaijan',
        'china',
        'georgia',
        'iran',
        'iraq',
        'kazakhstan',
        'kyrgyzstan',
        'pakistan',
        'russia',
        'saudi-arabia',
        'syria',
        'tajikistan',
        'turkey',
        'turkmenistan',
        'ukraine',
        'uzbekistan',
      ].sort(),
    );
    // The rest lie outside the frame: nothing to draw, nothing silently misnamed.
    const rest = registryCountries.filter((e) => !inFrame.has(e.id)).map((e) => e.id);
    expect(rest.sort()).toEqual([
      'belgium',
      'japan',
      'thailand',
      'united-kingdom',
      'united-states',
    ]);
  });

  it('names each country as the registry does', () => {
    const names = new Map(registry.map((e) => [e.id, e.data.name]));
    for (const c of geometry.countries) {
      if (c.id && names.has(c.id)) expect(c.name, c.id).toBe(names.get(c.id));
    }
  });

  it('puts each country where it is', () => {
    const north = (a: string, b: string) =>
      expect(at(a)[1], `${a} north of ${b}`).toBeLessThan(at(b)[1]);
    const east = (a: string, b: string) =>
      expect(at(a)[0], `${a} east of ${b}`).toBeGreaterThan(at(b)[0]);
    north('kazakhstan', 'uzbekistan');
    north('russia', 'kazakhstan');
    north('uzbekistan', 'turkmenistan');
    north('kyrgyzstan', 'tajikistan');
    north('turkmenistan', 'iran');
    north('tajikistan', 'afghanistan');
    north('afghanistan', 'pakistan');
    east('kyrgyzstan', 'uzbekistan');
    east('uzbekistan', 'turkmenistan');
    east('tajikistan', 'turkmenistan');
    east('china', 'kyrgyzstan');
    east('afghanistan', 'iran');
    east('turkmenistan', 'azerbaijan');
    east('azerbaijan', 'turkey');
  });

  it('leaves the Caspian Sea as water and puts every name inside its country', () => {
    const caspian = mapProjection()([51, 42])! as [number, number];
    expect(geometry.countries.filter((c) => contains(c.d, caspian)).map((c) => c.name)).toEqual([]);
    for (const c of geometry.countries) {
      if (!c.label) continue;
      expect(contains(c.d, [c.label.x, c.label.y]), `${c.name} label`).toBe(true);
    }
    for (const id of centralAsia) expect(shape(id).label, id).toBeDefined();
    expect(Object.keys(labelAnchors)).toEqual(expect.arrayContaining([...centralAsia]));
  });

  it('keeps every point inside the viewBox, to one decimal place', () => {
    for (const c of geometry.countries) {
      for (const [x, y] of rings(c.d).flat()) {
        expect(x).toBeGreaterThanOrEqual(-0.05);
        expect(x).toBeLessThanOrEqual(WIDTH + 0.05);
        expect(y).toBeGreaterThanOrEqual(-0.05);
        expect(y).toBeLessThanOrEqual(HEIGHT + 0.05);
      }
      expect(c.d).not.toMatch(/\.\d\d/);
    }
  });

  it('knows every world-atlas feature it draws', () => {
    expect(geometry.countries.map((c) => c.key).sort()).toEqual(
      Object.keys(countriesByFeature).sort(),
    );
  });

  it('is computed once, and the same every time', () => {
    expect(getMapGeometry()).toBe(geometry);
    expect(buildMapGeometry(world as unknown as Topology<Objects<CountryProperties>>)).toEqual(
      geometry,
    );
  });

  it('stays small: outlines under 20 KB', () => {
    const bytes = geometry.countries.reduce((sum, c) => sum + c.d.length, 0);
    expect(bytes).toBeLessThan(20_000);
  });
});

describe('compact path data', () => {
  it('writes relative moves, rounded without drift, separators only where needed', () => {
    const path = new CompactPath();
    path.moveTo(10.04, 20.06);
    path.lineTo(10.54, 19.56);
    path.lineTo(10.52, 19.58);
    path.lineTo(12.04, 21.06);
    path.lineTo(11.56, 20.5);
    path.closePath();
    const d = path.result();
    expect(d).toBe('M10 20.1l.5-.5 1.5 1.5-.4-.6z');
    expect(rings(d)).toEqual([
      [
        [10, 20.1],
        [10.5, 19.6],
        [12, 21.1],
        [11.6, 20.5],
      ],
    ]);
  });
});
