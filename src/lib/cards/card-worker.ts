import { parentPort } from 'node:worker_threads';
import { renderCard } from './render.ts';
import type { CardSpec } from './spec.ts';

// A worker thread that renders cards into the cache, so that drawing them runs on a second core
// while the build does its other work; the build reads each card from the cache when it serves
// it. Loaded by render-ahead.ts straight from its TypeScript source. One card at a time, and only
// "done" sent back: the build's main thread is busy for most of a minute at 10,000 documents
// while the cards are drawn, and every card drawn at once, or its bytes waiting in a message for
// the main thread, was held in memory together (over a gigabyte at 10,000).

let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', ({ id, spec }: { id: number; spec: CardSpec }) => {
  queue = queue.then(async () => {
    try {
      await renderCard(spec);
      parentPort!.postMessage({ id });
    } catch (error) {
      parentPort!.postMessage({ id, error: (error as Error).message });
    }
  });
});
