import { geoConicEqualArea, geoPath, type GeoContext, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import { countriesByFeature, labelAnchors, waterLabels } from './countries.ts';

/**
 * The map's geometry, computed once per build from Natural Earth's 1:50m countries (the
 * world-atlas package): an Albers (conic equal-area) projection fitted to Central Asia and its
 * neighbours, each country in the frame as one SVG path, and the points where names go. Only the
 * fills depend on the documents; everything here is the same on every page.
 */

/** The frame, in degrees: Central Asia with the Caspian, Iran, Afghanistan and western China. */
export const FRAME = { west: 35, east: 90, south: 25, north: 56 } as const;

/** The viewBox, in user units; one decimal place is a fifth of a pixel at the widest layout. */
export const WIDTH = 400;
export const HEIGHT = 280;

/** Triangles smaller than this (in square user units) are dropped from the outlines. */
const SIMPLIFY_AREA = 1.5;

export interface CountryShape {
  /** The world-atlas key: ISO 3166-1 numeric code, or the name for an area without one. */
  key: string;
  /** The entity id (see countries.ts), or null for an area that never links. */
  id: string | null;
  name: string;
  /** The outline, clipped to the frame, coordinates rounded to 0.1. */
  d: string;
  /** Where the label goes, if this country has one, and its short form for narrow maps. */
  label?: { x: number; y: number; short?: string };
}

export interface MapGeometry {
  width: number;
  height: number;
  /** Countries in the frame, by name (the order a keyboard visits their links). */
  countries: CountryShape[];
  water: { lines: readonly string[]; x: number; y: number }[];
}

/** Degrees of longitude and latitude around the frame's edge, for fitting the projection. */
function frameOutline(): GeoPermissibleObjects {
  const { west, east, south, north } = FRAME;
  const points: [number, number][] = [];
  for (let lon = west; lon <= east; lon += 1) points.push([lon, south], [lon, north]);
  for (let lat = south; lat <= north; lat += 1) points.push([west, lat], [east, lat]);
  return { type: 'MultiPoint', coordinates: points };
}

export function mapProjection() {
  return geoConicEqualArea()
    .parallels([32, 50])
    .rotate([-(FRAME.west + FRAME.east) / 2, 0])
    .fitExtent(
      [
        [0, 0],
        [WIDTH, HEIGHT],
      ],
      frameOutline(),
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Writes `1.5` as `1.5`, `0.5` as `.5` and `-0.5` as `-.5`: SVG path data needs no more. */
function num(n: number): string {
  return String(n).replace(/^(-?)0\./, '$1.');
}

/**
 * A d3-geo path context that writes compact SVG path data: the first point of each ring absolute,
 * the rest as one implicit run of relative line-tos, each rounded to 0.1 from the absolute
 * position (so rounding never drifts), points that round onto the one before left out, and a
 * separator between numbers only where the path grammar needs one.
 */
export class CompactPath implements GeoContext {
  #d = '';
  #last = '';
  #x = 0;
  #y = 0;
  #number(n: number) {
    const text = num(n);
    const joins =
      this.#last === '' ||
      text.startsWith('-') ||
      (text.startsWith('.') && this.#last.includes('.'));
    this.#d += joins ? text : ` ${text}`;
    this.#last = text;
  }
  #command(letter: string) {
    this.#d += letter;
    this.#last = '';
  }
  moveTo(x: number, y: number) {
    this.#x = Math.round(x * 10);
    this.#y = Math.round(y * 10);
    this.#command('M');
    this.#number(this.#x / 10);
    this.#number(this.#y / 10);
    this.#command('l');
  }
  lineTo(x: number, y: number) {
    const rx = Math.round(x * 10);
    const ry = Math.round(y * 10);
    if (rx === this.#x && ry === this.#y) return;
    this.#number((rx - this.#x) / 10);
    this.#number((ry - this.#y) / 10);
    this.#x = rx;
    this.#y = ry;
  }
  beginPath() {}
  closePath() {
    this.#command('z');
  }
  arc() {
    throw new Error('map paths have no point radius');
  }
  result() {
    const d = this.#d.replaceAll(/l(?=z|M|$)/g, '');
    this.#d = '';
    this.#last = '';
    return d;
  }
}

export interface CountryProperties {
  name: string;
}

/** The geometry for a topology shaped like world-atlas's countries file. Pure. */
export function buildMapGeometry(topology: Topology<Objects<CountryProperties>>): MapGeometry {
  const projection = mapProjection();
  // Simplify on the topology, so neighbours keep one shared border; weights are in square degrees.
  const pixelsPerDegree = (projection.scale() * Math.PI) / 180;
  const presimplified = presimplify(topology);
  const simplified = simplify(presimplified, SIMPLIFY_AREA / pixelsPerDegree ** 2);
  const object = simplified.objects.countries as GeometryObject<CountryProperties>;
  const collection = feature(simplified, object);
  const features = 'features' in collection ? collection.features : [collection];

  const context = new CompactPath();
  const path = geoPath(projection, context);
  const countries: CountryShape[] = [];
  for (const f of features) {
    path(f);
    const d = context.result();
    if (d === '') continue;
    const key = f.id === undefined ? f.properties.name : String(f.id);
    const info = countriesByFeature[key];
    if (!info) {
      throw new Error(
        `world-atlas country "${f.properties.name}" (${key}) reaches into the map frame but is not in src/lib/map/countries.ts: add it with its entity id`,
      );
    }
    const anchor = info.id ? labelAnchors[info.id] : undefined;
    const point = anchor ? projection([anchor.at[0], anchor.at[1]]) : null;
    countries.push({
      key,
      id: info.id,
      name: info.name,
      d,
      ...(point && {
        label: {
          x: round1(point[0]),
          y: round1(point[1]),
          ...(anchor?.short && { short: anchor.short }),
        },
      }),
    });
  }
  countries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const water = waterLabels.map(({ lines, at }) => {
    const [x, y] = projection([at[0], at[1]])!;
    return { lines, x: round1(x), y: round1(y) };
  });
  return { width: WIDTH, height: HEIGHT, countries, water };
}

let memo: MapGeometry | undefined;

/** The map geometry from world-atlas, computed once however many pages draw the map. */
export function getMapGeometry(): MapGeometry {
  memo ??= buildMapGeometry(world as unknown as Topology<Objects<CountryProperties>>);
  return memo;
}
