import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderCard } from './render.ts';
import type { CardSpec } from './spec.ts';

/**
 * Cards rendered ahead, on another thread. A card route's getStaticPaths() hands over every
 * card it will serve; Astro calls every route's getStaticPaths() before rendering any page, so
 * the cards are drawn on a second core while the main thread works out the link graph and
 * renders pages, and a card's GET mostly finds its bytes ready. Without worker threads (or if
 * the worker cannot start) the cards are simply drawn when asked for, as before.
 */

/** The cards asked for ahead, by their spec as JSON. */
const ahead = new Map<string, Promise<Buffer>>();
let worker: Worker | undefined;
let pending = 0;
let nextId = 0;
const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  // The worker runs the TypeScript source itself (Node strips the types), wherever the build
  // has bundled this module: the source is at the same place in every checkout.
  const file = path.resolve(process.cwd(), 'src/lib/cards/card-worker.ts');
  const w = new Worker(file);
  w.unref();
  w.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
    const job = waiting.get(m.id)!;
    waiting.delete(m.id);
    if (--pending === 0) w.unref();
    if (m.bytes) job.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    else job.reject(new Error(m.error));
  });
  w.on('error', (error) => {
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
    worker = undefined;
  });
  return w;
}

/** Starts rendering these cards on the worker thread; renderAhead() has their bytes. */
export function renderCardsAhead(specs: readonly CardSpec[]): void {
  for (const spec of specs) {
    const key = JSON.stringify(spec);
    if (ahead.has(key)) continue;
    worker ??= startWorker();
    const id = nextId++;
    const result = new Promise<Buffer>((resolve, reject) => waiting.set(id, { resolve, reject }));
    // A failure is reported by whoever asks for the card; until then it must not go unhandled.
    result.catch(() => {});
    if (pending++ === 0) worker.ref();
    worker.postMessage({ id, spec });
    ahead.set(key, result);
  }
}

/** The card's bytes if it was handed to renderCardsAhead(), once the worker has drawn it. */
export function renderedAhead(spec: CardSpec): Promise<Buffer> | undefined {
  return ahead.get(JSON.stringify(spec));
}

/** The card's bytes: from the worker if it was rendered ahead, otherwise (or if the worker
 * failed) drawn here, where a problem with the card is reported as renderCard() reports it. */
export function cardBytes(spec: CardSpec): Promise<Buffer> {
  return renderedAhead(spec)?.catch(() => renderCard(spec)) ?? renderCard(spec);
}
