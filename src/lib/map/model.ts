import { centralAsia } from './countries.ts';
import { getMapGeometry, type MapGeometry } from './geometry.ts';
import { shadeOf, shadeSteps, stepLabel } from './shading.ts';

/**
 * Everything the map component renders, from the counts a page hands it: the memoized geometry
 * with a shade, a link and an accessible name for each country, the labels, the legend and the
 * text alternative. Pure apart from reading the memoized geometry.
 */

export interface MapInput {
  /** Mentions by country entity id: what the shading shows. */
  counts: Readonly<Record<string, number>>;
  /** Documents naming each country, by entity id: added to the accessible names when given. */
  documents?: Readonly<Record<string, number>> | undefined;
  /** Where a country links to; undefined for no link. */
  hrefFor: (id: string) => string | undefined;
  /** The country whose page this is. */
  highlight?: string | undefined;
}

export interface MapCountry {
  key: string;
  id: string | null;
  name: string;
  d: string;
  /** 0 (never named) to 4. */
  step: number;
  href: string | undefined;
  /** What a screen reader says for the link: name and counts. */
  label: string;
  current: boolean;
}

export interface MapLabel {
  name: string;
  /** A shorter form for narrow maps. */
  short?: string | undefined;
  x: number;
  y: number;
  /** One of the five Central Asian states (kept on narrow screens). */
  major: boolean;
  current: boolean;
}

export interface MapListItem {
  id: string;
  name: string;
  mentions: number;
  documents: number | undefined;
  /** "21 mentions in 4 documents", as in the map's accessible names. */
  phrase: string;
  href: string | undefined;
  current: boolean;
}

export interface MapModel {
  width: number;
  height: number;
  /** Highlighted country last, so its outline is drawn over its neighbours'. */
  countries: MapCountry[];
  labels: MapLabel[];
  water: MapGeometry['water'];
  legend: { step: number; label: string }[];
  /** Countries on the map that the documents name, most mentioned first. */
  list: MapListItem[];
  /** One or two sentences for the SVG's `<desc>`. */
  description: string;
  /** False when a country to highlight was given but lies outside the frame (the United States). */
  highlightOnMap: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "21 mentions in 4 documents", or "21 mentions" without document counts. */
export function countsPhrase(mentions: number, documents?: number): string {
  if (mentions === 0) return 'not named in the documents';
  const inDocuments = documents === undefined ? '' : ` in ${plural(documents, 'document')}`;
  return `${plural(mentions, 'mention')}${inDocuments}`;
}

export function buildMapModel(geometry: MapGeometry, input: MapInput): MapModel {
  const { counts, documents, hrefFor, highlight } = input;
  const countOf = (id: string | null) => (id === null ? 0 : (counts[id] ?? 0));
  const max = Math.max(0, ...geometry.countries.map((c) => countOf(c.id)));
  const steps = shadeSteps(max);

  const countries: MapCountry[] = geometry.countries.map((shape) => {
    const mentions = countOf(shape.id);
    const href = shape.id === null ? undefined : hrefFor(shape.id);
    return {
      key: shape.key,
      id: shape.id,
      name: shape.name,
      d: shape.d,
      step: shadeOf(mentions, steps),
      href,
      label: `${shape.name}: ${countsPhrase(mentions, shape.id ? documents?.[shape.id] : undefined)}`,
      current: shape.id !== null && shape.id === highlight,
    };
  });
  countries.sort((a, b) => Number(a.current) - Number(b.current));

  const major = new Set<string>(centralAsia);
  const labels: MapLabel[] = geometry.countries.flatMap((shape) => {
    if (!shape.label || shape.id === null) return [];
    const isMajor = major.has(shape.id);
    const current = shape.id === highlight;
    if (!isMajor && !current && countOf(shape.id) === 0) return [];
    return [{ name: shape.name, ...shape.label, major: isMajor, current }];
  });

  const list: MapListItem[] = geometry.countries
    .filter((c): c is typeof c & { id: string } => c.id !== null && countOf(c.id) > 0)
    .map((c) => ({
      id: c.id,
      name: c.name,
      mentions: countOf(c.id),
      documents: documents?.[c.id],
      phrase: countsPhrase(countOf(c.id), documents?.[c.id]),
      href: hrefFor(c.id),
      current: c.id === highlight,
    }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));

  const legend = [
    { step: 0, label: 'Not named' },
    ...steps.map((s) => ({ step: s.step, label: stepLabel(s) })),
  ];

  const top = list.slice(0, 3).map((c) => `${c.name} (${c.mentions})`);
  const description =
    'Central Asia and its neighbours, each country shaded by how many times the documents mention it.' +
    (top.length > 0 ? ` Most mentioned: ${top.join(', ')}.` : ' No country on the map is named.');

  return {
    width: geometry.width,
    height: geometry.height,
    countries,
    labels,
    water: geometry.water,
    legend,
    list,
    description,
    highlightOnMap: highlight === undefined || countries.some((c) => c.current),
  };
}

/** Whether a country entity is drawn on the map: a page can word its caption by it. */
export function isOnMap(id: string): boolean {
  return getMapGeometry().countries.some((c) => c.id === id);
}

/** The model for the real map: world-atlas geometry, computed once per build. */
export function mapModel(input: MapInput): MapModel {
  return buildMapModel(getMapGeometry(), input);
}
