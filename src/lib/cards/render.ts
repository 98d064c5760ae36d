import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
import type { CardSpec } from './spec.ts';

/**
 * Card images at build time: satori lays out the text as SVG paths with the self-hosted fonts in
 * src/assets/fonts/, resvg rasterizes it, sharp reduces it to a 16-color palette (flat colors and
 * anti-aliased text need no more), which keeps a card near 20 KB. A rendered card is cached under
 * node_modules/.cache/cards/, keyed by its text, the template version and the fonts, so a rebuild
 * only renders cards whose text changed.
 */

/** Bump when the layout below changes, so that cached cards are rendered again. */
export const TEMPLATE_VERSION = 1;

const FONT_DIR = path.resolve(process.cwd(), 'src/assets/fonts');
const CACHE_DIR = path.resolve(process.cwd(), 'node_modules/.cache/cards');

// Fontsource's latin and latin-ext subsets of Source Serif 4 and Source Sans 3. satori does not
// fall back between files of one family name, so each subset is a family of its own, listed
// after the main one wherever a font is chosen (SERIF, SANS).
const FONT_FILES = [
  { name: 'Serif', file: 'source-serif-4-latin-600-normal.woff', weight: 600 },
  { name: 'Serif Ext', file: 'source-serif-4-latin-ext-600-normal.woff', weight: 600 },
  { name: 'Sans', file: 'source-sans-3-latin-400-normal.woff', weight: 400 },
  { name: 'Sans', file: 'source-sans-3-latin-600-normal.woff', weight: 600 },
  { name: 'Sans Ext', file: 'source-sans-3-latin-ext-400-normal.woff', weight: 400 },
  { name: 'Sans Ext', file: 'source-sans-3-latin-ext-600-normal.woff', weight: 600 },
] as const;
const SERIF = 'Serif, "Serif Ext"';
const SANS = 'Sans, "Sans Ext"';

/** The site's light palette (src/styles/global.css). */
const COLORS = {
  bg: '#fbf8f2',
  text: '#1d1c1a',
  muted: '#5e574d',
  accent: '#1b5485',
  hairline: '#ddd5c8',
};

interface LoadedFont {
  name: string;
  data: Buffer;
  weight: 400 | 600;
  style: 'normal';
}

let fonts: Promise<{ list: LoadedFont[]; hash: string }> | undefined;

function loadFonts() {
  fonts ??= (async () => {
    if (!existsSync(FONT_DIR)) {
      throw new Error(`Card fonts not found in ${FONT_DIR}: build from the project root.`);
    }
    const list = await Promise.all(
      FONT_FILES.map(async (f) => ({
        name: f.name,
        data: await readFile(path.join(FONT_DIR, f.file)),
        weight: f.weight,
        style: 'normal' as const,
      })),
    );
    const hash = createHash('sha256');
    for (const f of list) hash.update(f.data);
    return { list, hash: hash.digest('hex') };
  })();
  return fonts;
}

/** A satori element: satori takes React-like objects, no JSX needed. */
interface Node {
  type: string;
  props: { style: Record<string, string | number>; children?: string | Node[] };
}
const el = (style: Node['props']['style'], children?: string | Node[]): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** Titles get smaller as they get longer, so that the longest still fits in three lines. */
export function titleSize(title: string): number {
  if (title.length <= 40) return 72;
  if (title.length <= 70) return 62;
  if (title.length <= 100) return 54;
  return 46;
}

const PAD_X = 72;
const RULE = 16;

export function cardTree(spec: CardSpec): Node {
  return el(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      background: COLORS.bg,
      color: COLORS.text,
      borderTop: `${RULE}px solid ${COLORS.accent}`,
      fontFamily: SANS,
    },
    [
      // satori sizes the root without its padding, so the margins live on an inner box.
      el(
        {
          flexDirection: 'column',
          justifyContent: 'space-between',
          width: CARD_WIDTH - 2 * PAD_X,
          height: CARD_HEIGHT - RULE - 2 * 52,
          marginLeft: PAD_X,
          marginTop: 52,
        },
        [
          el(
            {
              fontSize: 28,
              fontWeight: 600,
              letterSpacing: 2,
              textTransform: 'uppercase',
              color: COLORS.muted,
            },
            spec.kicker,
          ),
          el(
            {
              fontFamily: SERIF,
              fontWeight: 600,
              fontSize: titleSize(spec.title),
              lineHeight: 1.12,
            },
            spec.title,
          ),
          el({ flexDirection: 'column', fontSize: 30, lineHeight: 1.3 }, [
            ...(spec.detail ? [el({}, spec.detail)] : []),
            el(
              {
                marginTop: 22,
                paddingTop: 18,
                borderTop: `2px solid ${COLORS.hairline}`,
                color: COLORS.muted,
                fontWeight: 600,
              },
              spec.footer,
            ),
          ]),
        ],
      ),
    ],
  );
}

async function render(spec: CardSpec, fontList: LoadedFont[]): Promise<Buffer> {
  const svg = await satori(cardTree(spec) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: fontList,
  });
  const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
  return sharp(png).png({ palette: true, colors: 16, compressionLevel: 9, effort: 10 }).toBuffer();
}

/** What the two subsets cover together (Fontsource's unicode-range of each). */
const COVERED = new RegExp(
  '^[' +
    // latin
    '\\u0000-\\u00ff\\u0131\\u0152\\u0153\\u02bb\\u02bc\\u02c6\\u02da\\u02dc\\u0304\\u0308\\u0329' +
    '\\u2000-\\u206f\\u20ac\\u2122\\u2191\\u2193\\u2212\\u2215\\ufeff\\ufffd' +
    // latin-ext
    '\\u0100-\\u02ba\\u02bd-\\u02c5\\u02c7-\\u02cc\\u02ce-\\u02d7\\u02dd-\\u02ff\\u1d00-\\u1dbf' +
    '\\u1e00-\\u1e9f\\u1ef2-\\u1eff\\u2020\\u20a0-\\u20ab\\u20ad-\\u20c4\\u2113\\u2c60-\\u2c7f\\ua720-\\ua7ff' +
    ']*$',
);

/** Characters of the card's text that the fonts cannot draw (satori would leave them blank). */
export function missingGlyphs(spec: CardSpec): string[] {
  const text = [spec.kicker, spec.title, spec.detail ?? '', spec.footer].join('');
  return [...new Set([...text].filter((c) => !COVERED.test(c)))];
}

/** The card as PNG bytes, from the cache when its text, template and fonts are unchanged. */
export async function renderCard(spec: CardSpec): Promise<Buffer> {
  const missing = missingGlyphs(spec);
  if (missing.length > 0) {
    throw new Error(
      `Card "${spec.title}": the card fonts in src/assets/fonts/ have no glyph for ${missing.join(' ')}; ` +
        'add the Fontsource subset that covers them there and to FONT_FILES.',
    );
  }
  const { list, hash: fontHash } = await loadFonts();
  const key = createHash('sha256')
    .update(JSON.stringify({ spec, template: TEMPLATE_VERSION, fontHash }))
    .digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.png`);
  if (existsSync(cached)) return readFile(cached);
  const png = await render(spec, list);
  await mkdir(CACHE_DIR, { recursive: true });
  // Written under a temporary name first, so a build running alongside never reads half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  await writeFile(partial, png);
  await rename(partial, cached);
  return png;
}
