import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { Server } from './serve.ts';

/** Debian's Chromium; no browser is ever downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps calling out to a closed network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One browser for a run; every measurement opens its own context, so every load is a cold cache. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS.filter((f) => f !== '--headless'),
  });
}

/** Waits until the server has been quiet for `quietMs` (late requests such as the favicon or a
 * lazy script count as part of the load), giving up after `maxMs`. */
export async function settle(server: Server, quietMs = 1000, maxMs = 10_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    const last = server.log.at(-1)?.at ?? start;
    const now = performance.now();
    if (now - Math.max(last, start) >= quietMs || now - start >= maxMs) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
