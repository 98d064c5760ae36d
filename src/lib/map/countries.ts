/**
 * Which world-atlas feature is which entity. world-atlas (Natural Earth admin-0 countries) gives
 * each country its ISO 3166-1 numeric code as `id` and a short English name; two disputed areas
 * have no code and are known by name. An entity id is the slug of the country's name as the
 * registry writes it (src/content/entities/countries.yaml), so each feature in the frame is listed
 * here with the id the registry uses or would use. A country that is not in the registry draws as
 * plain land without a link; it lights up by itself once the registry adds it under that id.
 */

export interface CountryInfo {
  /** The entity id, or null for an area that is not a country (it never links). */
  id: string | null;
  /** The name shown on the map and in its text, as the registry writes it. */
  name: string;
}

/** Every world-atlas feature that reaches into the frame, by ISO numeric code (or by name). */
export const countriesByFeature: Readonly<Record<string, CountryInfo>> = {
  '004': { id: 'afghanistan', name: 'Afghanistan' },
  '031': { id: 'azerbaijan', name: 'Azerbaijan' },
  '048': { id: 'bahrain', name: 'Bahrain' },
  '050': { id: 'bangladesh', name: 'Bangladesh' },
  '051': { id: 'armenia', name: 'Armenia' },
  '064': { id: 'bhutan', name: 'Bhutan' },
  '100': { id: 'bulgaria', name: 'Bulgaria' },
  '112': { id: 'belarus', name: 'Belarus' },
  '156': { id: 'china', name: 'China' },
  '196': { id: 'cyprus', name: 'Cyprus' },
  '268': { id: 'georgia', name: 'Georgia' },
  '275': { id: 'palestine', name: 'Palestine' },
  '356': { id: 'india', name: 'India' },
  '364': { id: 'iran', name: 'Iran' },
  '368': { id: 'iraq', name: 'Iraq' },
  '376': { id: 'israel', name: 'Israel' },
  '398': { id: 'kazakhstan', name: 'Kazakhstan' },
  '400': { id: 'jordan', name: 'Jordan' },
  '414': { id: 'kuwait', name: 'Kuwait' },
  '417': { id: 'kyrgyzstan', name: 'Kyrgyzstan' },
  '422': { id: 'lebanon', name: 'Lebanon' },
  '440': { id: 'lithuania', name: 'Lithuania' },
  '496': { id: 'mongolia', name: 'Mongolia' },
  '498': { id: 'moldova', name: 'Moldova' },
  '512': { id: 'oman', name: 'Oman' },
  '524': { id: 'nepal', name: 'Nepal' },
  '586': { id: 'pakistan', name: 'Pakistan' },
  '616': { id: 'poland', name: 'Poland' },
  '634': { id: 'qatar', name: 'Qatar' },
  '642': { id: 'romania', name: 'Romania' },
  '643': { id: 'russia', name: 'Russia' },
  '682': { id: 'saudi-arabia', name: 'Saudi Arabia' },
  '729': { id: 'sudan', name: 'Sudan' },
  '760': { id: 'syria', name: 'Syria' },
  '762': { id: 'tajikistan', name: 'Tajikistan' },
  '784': { id: 'united-arab-emirates', name: 'United Arab Emirates' },
  '792': { id: 'turkey', name: 'Turkey' },
  '795': { id: 'turkmenistan', name: 'Turkmenistan' },
  '804': { id: 'ukraine', name: 'Ukraine' },
  '818': { id: 'egypt', name: 'Egypt' },
  '860': { id: 'uzbekistan', name: 'Uzbekistan' },
  'N. Cyprus': { id: null, name: 'Northern Cyprus' },
  'Siachen Glacier': { id: null, name: 'Siachen Glacier' },
};

/** The five states the publication calls Central Asia: always labelled, always listed. */
export const centralAsia = [
  'kazakhstan',
  'kyrgyzstan',
  'tajikistan',
  'turkmenistan',
  'uzbekistan',
] as const;

/** Where a country's name goes on the map. */
export interface LabelAnchor {
  /** [longitude, latitude], chosen by eye inside the borders (a centroid can fall outside a
   * country or under a neighbour's name). */
  at: readonly [number, number];
  /** A shorter form for a narrow map, where the full name would run into the neighbours'. */
  short?: string;
}

/** The countries that get a name on the map: the five always, the others when the documents
 * name them. */
export const labelAnchors: Readonly<Record<string, LabelAnchor>> = {
  kazakhstan: { at: [67.5, 48.2] },
  uzbekistan: { at: [63.2, 42.4], short: 'Uzb.' },
  turkmenistan: { at: [58.8, 39.2], short: 'Turkm.' },
  kyrgyzstan: { at: [74.8, 41.6], short: 'Kyrg.' },
  tajikistan: { at: [70.9, 38.6], short: 'Taj.' },
  afghanistan: { at: [65.8, 33.6] },
  pakistan: { at: [69.2, 28.8] },
  iran: { at: [54.5, 32.3] },
  china: { at: [83, 37.5] },
  russia: { at: [62, 54.4] },
  azerbaijan: { at: [48.4, 40.3] },
  turkey: { at: [38.5, 39.2] },
  iraq: { at: [43.5, 33.2] },
  syria: { at: [38.6, 35.3] },
  'saudi-arabia': { at: [44.5, 26.2] },
  ukraine: { at: [37.5, 49.5] },
};

/** Seas named on the map, so that the Caspian reads as water; each word on its own line. */
export const waterLabels: readonly { lines: readonly string[]; at: readonly [number, number] }[] = [
  { lines: ['Caspian', 'Sea'], at: [50.9, 42.3] },
];
