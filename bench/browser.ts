import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/site/helpers/browser.ts';
import type { Server } from './serve.ts';

/** The site tests' flags, plus headless: Lighthouse starts Chromium itself, from these flags. */
export const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];

/** One browser for a run; every measurement opens its own context, so every load is a cold cache. */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
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
