import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { drawCard, loadCardFonts } from '../src/lib/cards/render.ts';
import { documentCard, type CardData } from '../src/lib/cards/spec.ts';
import { SITE } from '../src/config/site.ts';
import { parseEntryText } from './corpus.ts';
import { bytes, count, ms } from './format.ts';

/**
 * Card rendering without the cache: `count` document cards, each title a real one with
 * " (variant k)" added (as the generated corpora name them), drawn one after another as a build
 * draws them. The first card is timed apart: it rasterizes every glyph it uses, later cards
 * mostly reuse them.
 *
 *   node bench/cards.ts [count]       (from the project root; default 1,000)
 */

export interface CardBenchResult {
  cards: number;
  firstCardMs: number;
  /** Wall-clock and CPU time (user + system) per card, first card left out. */
  msPerCard: number;
  cpuMsPerCard: number;
  meanBytes: number;
  maxBytes: number;
}

export async function runCardBenchmark(project: string, cards: number): Promise<CardBenchResult> {
  const documentsDir = join(project, 'src', 'content', 'documents');
  const entries = readdirSync(documentsDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map(
      (name) =>
        parseEntryText(name, readFileSync(join(documentsDir, name), 'utf8'))
          .data as unknown as CardData,
    );
  const specs = Array.from({ length: cards }, (_, i) => {
    const entry = entries[i % entries.length]!;
    return documentCard(
      { ...entry, title: `${entry.title} (variant ${Math.floor(i / entries.length) + 1})` },
      SITE.name,
    );
  });
  const { fonts } = await loadCardFonts();

  const firstStart = performance.now();
  let total = drawCard(specs[0]!, fonts).length;
  let maxBytes = total;
  const firstCardMs = performance.now() - firstStart;

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const spec of specs.slice(1)) {
    const size = drawCard(spec, fonts).length;
    total += size;
    maxBytes = Math.max(maxBytes, size);
  }
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const timed = Math.max(1, cards - 1);
  return {
    cards,
    firstCardMs,
    msPerCard: elapsed / timed,
    cpuMsPerCard: (cpu.user + cpu.system) / 1000 / timed,
    meanBytes: total / cards,
    maxBytes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cards = Number(process.argv[2] ?? 1000);
  if (!Number.isInteger(cards) || cards < 1) throw new Error('usage: node bench/cards.ts [count]');
  const result = await runCardBenchmark(process.cwd(), cards);
  console.log(
    `${count(result.cards)} cards: ${ms(result.msPerCard)} a card (${ms(result.cpuMsPerCard)} CPU), ` +
      `first ${ms(result.firstCardMs)}; ${bytes(Math.round(result.meanBytes))} on average, ` +
      `${bytes(result.maxBytes)} at most`,
  );
}
