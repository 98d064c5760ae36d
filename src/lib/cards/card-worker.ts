import { parentPort } from 'node:worker_threads';
import { renderCard } from './render.ts';
import type { CardSpec } from './spec.ts';

// A worker thread that renders cards (into the cache, and back to the build as bytes), so that
// drawing them runs on a second core while the build does its other work. Loaded by
// render-ahead.ts straight from its TypeScript source.

parentPort!.on('message', async ({ id, spec }: { id: number; spec: CardSpec }) => {
  try {
    const png = await renderCard(spec);
    const bytes = new Uint8Array(png);
    parentPort!.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
