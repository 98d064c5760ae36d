import path from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderCard } from './render.ts';
import type { CardSpec } from './spec.ts';

/**
 * Cards rendered ahead, on other threads. A card route's getStaticPaths() hands over every
 * card it will serve; Astro calls every route's getStaticPaths() before rendering any page, so
 * the cards are drawn on a second core while the main thread works out the link graph and
 * renders pages, and a card's GET mostly finds it drawn, in the cache. Without worker threads (or
 * if the worker cannot start) the cards are simply drawn when asked for, as before.
 */

/** The cards asked for ahead, by their spec as JSON: settled once the worker has drawn the card
 * into the cache (render.ts), from where it is read when asked for. */
const ahead = new Map<string, Promise<void>>();

/** Two workers: while they draw, the main thread works out the link graph, and when it reaches
 * the card routes first (they sort first) it only waits, so both cores can draw. */
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));

interface Job {
  resolve: () => void;
  reject: (e: Error) => void;
}

interface CardWorker {
  thread: Worker;
  jobs: Map<number, Job>;
}

let workers: CardWorker[] = [];
let nextId = 0;

function startWorker(): CardWorker {
  // The worker runs the TypeScript source itself (Node strips the types), wherever the build
  // has bundled this module: the source is at the same place in every checkout.
  const file = path.resolve(process.cwd(), 'src/lib/cards/card-worker.ts');
  const worker: CardWorker = { thread: new Worker(file), jobs: new Map() };
  worker.thread.unref();
  worker.thread.on('message', (m: { id: number; error?: string }) => {
    const job = worker.jobs.get(m.id)!;
    worker.jobs.delete(m.id);
    // Idle workers must not keep the build's process alive.
    if (worker.jobs.size === 0) worker.thread.unref();
    if (m.error === undefined) job.resolve();
    else job.reject(new Error(m.error));
  });
  worker.thread.on('error', (error) => {
    for (const job of worker.jobs.values()) job.reject(error);
    worker.jobs.clear();
    workers = workers.filter((w) => w !== worker);
  });
  return worker;
}

/** Starts rendering these cards on the worker threads; renderedAhead() has their bytes. */
export function renderCardsAhead(specs: readonly CardSpec[]): void {
  for (const spec of specs) {
    const key = JSON.stringify(spec);
    if (ahead.has(key)) continue;
    if (workers.length === 0) workers = Array.from({ length: WORKERS }, startWorker);
    const worker = workers[nextId % workers.length]!;
    const id = nextId++;
    const result = new Promise<void>((resolve, reject) => worker.jobs.set(id, { resolve, reject }));
    // A failure is reported by whoever asks for the card; until then it must not go unhandled.
    result.catch(() => {});
    worker.thread.ref();
    worker.thread.postMessage({ id, spec });
    ahead.set(key, result);
  }
}

/** The card's bytes if it was handed to renderCardsAhead(), once the worker has drawn it. */
export function renderedAhead(spec: CardSpec): Promise<Buffer> | undefined {
  return ahead.get(JSON.stringify(spec))?.then(() => renderCard(spec));
}

/** The card's bytes: read from the cache once the worker has drawn it there, or, when it was not
 * asked for ahead (or the worker failed), drawn here, where a problem with the card is reported
 * as renderCard() reports it. Each card is handed over once and then forgotten. */
export async function cardBytes(spec: CardSpec): Promise<Buffer> {
  const key = JSON.stringify(spec);
  const drawn = ahead.get(key);
  ahead.delete(key);
  await drawn?.catch(() => {});
  return renderCard(spec);
}
