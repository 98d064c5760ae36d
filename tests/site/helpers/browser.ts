import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; a test tool's own browser download is never used. */
export const CHROMIUM = '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium's flags for the tests and the benchmark: no sandbox (containers), and no background
 * traffic (without these Chromium keeps calling out to a closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM, or an error saying how to install it. */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium).`,
    );
  }
  return CHROMIUM;
}

/** Launch headless Chromium with a throwaway profile; no background traffic. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'site-tests-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What went wrong while a page loaded. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
}

/**
 * Record console errors, uncaught exceptions, failed requests (network failures and HTTP >= 400)
 * and every request that leaves `origin`. Requests that leave it are also aborted, so nothing
 * reaches the network.
 */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.consoleErrors.push(`${msg.text()} (${loc.url}:${loc.lineNumber})`);
    }
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin !== origin) return; // reported as external instead
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  page.on('websocket', (ws) => {
    if (!ws.url().startsWith(origin.replace(/^http/, 'ws')))
      problems.externalRequests.push(ws.url());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url === origin) {
      await route.continue();
    } else {
      problems.externalRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return problems;
}
