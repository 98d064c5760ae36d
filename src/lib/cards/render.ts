import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { cardPalette, GlyphCache, paintScene } from './compose.ts';
import { parseCardFont, type CardFont } from './font.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';
import { encodeIndexedPng } from './png.ts';
import type { CardSpec } from './spec.ts';
import { COLORS, layoutCard, type CardFonts } from './template.ts';

/**
 * Card images at build time, in TypeScript alone: template.ts lays the text out with the
 * self-hosted fonts in src/assets/fonts/ (read by font.ts), compose.ts rasterizes the glyphs
 * (each once per process) into a palette image of 61 colours, and png.ts encodes it,
 * a few milliseconds a card. A rendered card is also cached under node_modules/.cache/cards/,
 * keyed by its text, the template version and the fonts, so a rebuild only renders cards whose
 * text changed.
 */

/** Bump when the look changes (template.ts, compose.ts), so that cached cards are rendered again. */
export const TEMPLATE_VERSION = 2;

const FONT_DIR = path.resolve(process.cwd(), 'src/assets/fonts');
const CACHE_DIR = path.resolve(process.cwd(), 'node_modules/.cache/cards');

/**
 * Fontsource's latin and latin-ext subsets of Source Serif 4 and Source Sans 3: each character
 * is set in the first file of its stack that has it.
 */
const FONT_FILES: Record<keyof CardFonts, string[]> = {
  serif600: ['source-serif-4-latin-600-normal.woff', 'source-serif-4-latin-ext-600-normal.woff'],
  sans400: ['source-sans-3-latin-400-normal.woff', 'source-sans-3-latin-ext-400-normal.woff'],
  sans600: ['source-sans-3-latin-600-normal.woff', 'source-sans-3-latin-ext-600-normal.woff'],
};

let fonts: Promise<{ fonts: CardFonts; hash: string }> | undefined;

/** The card fonts, read and parsed once per process, and a hash of their bytes for cache keys. */
export function loadCardFonts(): Promise<{ fonts: CardFonts; hash: string }> {
  fonts ??= (async () => {
    if (!existsSync(FONT_DIR)) {
      throw new Error(`Card fonts not found in ${FONT_DIR}: build from the project root.`);
    }
    const hash = createHash('sha256');
    const stacks = {} as Record<keyof CardFonts, CardFont[]>;
    for (const [stack, files] of Object.entries(FONT_FILES) as [keyof CardFonts, string[]][]) {
      stacks[stack] = [];
      for (const file of files) {
        const bytes = await readFile(path.join(FONT_DIR, file));
        hash.update(bytes);
        stacks[stack].push(parseCardFont(file, bytes));
      }
    }
    return { fonts: stacks, hash: hash.digest('hex') };
  })();
  return fonts;
}

const palette = cardPalette(COLORS, 'bg');
const glyphMasks = new GlyphCache();
/** One image buffer for every card: each is encoded before the next is painted. */
const scanlines = new Uint8Array((CARD_WIDTH + 1) * CARD_HEIGHT);

/** A card as PNG bytes, rendered now (no cache). */
export function drawCard(spec: CardSpec, cardFonts: CardFonts): Buffer {
  const scene = layoutCard(spec, cardFonts);
  const rows = paintScene(scene, glyphMasks, scanlines);
  return encodeIndexedPng({ width: scene.width, height: scene.height, palette, rows });
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

/** Characters of the card's text that the fonts cannot draw (they would come out as boxes). */
export function missingGlyphs(spec: CardSpec): string[] {
  const text = [spec.kicker, spec.title, spec.detail ?? '', spec.footer].join('');
  return [...new Set([...text].filter((c) => !COVERED.test(c)))];
}

/** Cache entries no build has used for this long are deleted. */
const CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** A temporary file this old was left by a build that stopped before renaming it. */
const PARTIAL_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * The cache entries to delete, given each one's name and last use (its mtime: a build touches
 * every entry it uses). By age rather than "not used by this build", because builds of other
 * branches, or running at the same time, share the cache and still need their cards.
 */
export function staleCacheEntries(
  entries: { name: string; mtimeMs: number }[],
  now: number,
): string[] {
  return entries
    .filter(({ name, mtimeMs }) =>
      name.endsWith('.tmp') ? now - mtimeMs > PARTIAL_MAX_AGE_MS : now - mtimeMs > CACHE_MAX_AGE_MS,
    )
    .map(({ name }) => name);
}

async function pruneCache(): Promise<void> {
  const names = await readdir(CACHE_DIR).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name) => ({
      name,
      mtimeMs: (await stat(path.join(CACHE_DIR, name)).catch(() => undefined))?.mtimeMs,
    })),
  );
  const known = entries.filter(
    (e): e is { name: string; mtimeMs: number } => e.mtimeMs !== undefined,
  );
  // Another build may delete the same entry first; that is as good.
  await Promise.all(
    staleCacheEntries(known, Date.now()).map((name) =>
      unlink(path.join(CACHE_DIR, name)).catch(() => {}),
    ),
  );
}

let pruning: Promise<void> | undefined;
/** The cache folder, made once per process (asked for every card, it took a worker 0.2 s of
 * 500 cards). */
let cacheDirMade: Promise<unknown> | undefined;
/** Entries this process has read, touched once each so that pruning sees them as in use. */
const used = new Set<string>();

/** Where the card is cached: keyed by its text, the template version and the fonts. */
async function cacheEntry(spec: CardSpec): Promise<{ key: string; file: string }> {
  const { hash: fontHash } = await loadCardFonts();
  const key = createHash('sha256')
    .update(JSON.stringify({ spec, template: TEMPLATE_VERSION, fontHash }))
    .digest('hex');
  return { key, file: path.join(CACHE_DIR, `${key}.png`) };
}

/** Whether the card is in the cache, so that renderCard() would only read it. */
export async function isCardCached(spec: CardSpec): Promise<boolean> {
  return existsSync((await cacheEntry(spec)).file);
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
  pruning ??= pruneCache();
  await pruning;
  const { fonts: cardFonts } = await loadCardFonts();
  const { key, file: cached } = await cacheEntry(spec);
  const hit = await readFile(cached).catch(() => undefined);
  if (hit) {
    if (!used.has(key)) {
      used.add(key);
      const now = new Date();
      await utimes(cached, now, now).catch(() => {});
    }
    return hit;
  }
  const png = drawCard(spec, cardFonts);
  cacheDirMade ??= mkdir(CACHE_DIR, { recursive: true });
  await cacheDirMade;
  // Written under a temporary name first, so a build running alongside never reads half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  await writeFile(partial, png);
  await rename(partial, cached);
  used.add(key);
  return png;
}
