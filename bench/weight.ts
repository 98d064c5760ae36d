import type { Browser } from 'playwright-core';
import { settle } from './browser.ts';
import type { Served, Server } from './serve.ts';

/** What one page costs a first-time reader: every request made while it loads, cold cache. */

export const KINDS = ['html', 'css', 'js', 'font', 'image', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export interface Sizes {
  requests: number;
  /** Body bytes before compression. */
  raw: number;
  /** Body bytes as sent (gzip where the host compresses). */
  compressed: number;
}

export interface PageWeight {
  path: string;
  requests: number;
  /** Everything sent for the page: compressed bodies plus response headers. */
  transferred: number;
  byKind: Record<Kind, Sizes>;
  /** Requests the browser held the first paint for (Resource Timing's renderBlockingStatus). */
  renderBlocking: string[];
  /** Paths of everything requested, in order, for the report's detail. */
  paths: string[];
  /** Visible text without JavaScript, as a share of the text with it (over 1 when a page shows
   * a no-script note; under 1 when scripts add text, such as the labels of copy buttons). */
  textWithoutJs: number;
  /** For a document page: how many of its own texts (title, headings, paragraphs) are visible
   * with JavaScript off. All of them means reading needs no script. */
  readableWithoutJs?: { shown: number; total: number; missing: string[] };
}

export function kindOf(contentType: string): Kind {
  if (contentType.startsWith('text/html')) return 'html';
  if (contentType.startsWith('text/css')) return 'css';
  if (/javascript/.test(contentType)) return 'js';
  if (contentType.startsWith('font/')) return 'font';
  if (contentType.startsWith('image/')) return 'image';
  return 'other';
}

/** Sums a server log by kind. Pure, so the report can also sum parts of a log. */
export function summarize(log: readonly Served[]): {
  requests: number;
  transferred: number;
  byKind: Record<Kind, Sizes>;
} {
  const byKind = Object.fromEntries(
    KINDS.map((k) => [k, { requests: 0, raw: 0, compressed: 0 }]),
  ) as Record<Kind, Sizes>;
  let transferred = 0;
  for (const r of log) {
    const sizes = byKind[kindOf(r.contentType)];
    sizes.requests++;
    sizes.raw += r.rawBytes;
    sizes.compressed += r.bodyBytes;
    transferred += r.bodyBytes + r.headerBytes;
  }
  return { requests: log.length, transferred, byKind };
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

async function visibleText(
  browser: Browser,
  url: string,
  javaScriptEnabled: boolean,
): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return normalize(await page.evaluate(() => document.body.innerText));
  } finally {
    await context.close();
  }
}

/** Which of `texts` a page shows; each is looked for by its first 80 characters, so that markup
 * inside a paragraph (a link on a name) cannot hide it. Pure. */
export function findTexts(pageText: string, texts: readonly string[]) {
  const missing = texts.filter((t) => !pageText.includes(normalize(t).slice(0, 80)));
  return { shown: texts.length - missing.length, total: texts.length, missing };
}

/** `mustShow`: texts a reader comes for (a document's own words), checked with JavaScript off. */
export async function measurePage(
  browser: Browser,
  server: Server,
  path: string,
  mustShow?: readonly string[],
): Promise<PageWeight> {
  const url = server.origin + path;
  const context = await browser.newContext();
  let renderBlocking: string[];
  try {
    const page = await context.newPage();
    server.reset();
    await page.goto(url, { waitUntil: 'load' });
    await settle(server);
    renderBlocking = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter(
          (e) =>
            (e as PerformanceResourceTiming & { renderBlockingStatus?: string })
              .renderBlockingStatus === 'blocking',
        )
        .map((e) => new URL(e.name).pathname),
    );
  } finally {
    await context.close();
  }
  const log = [...server.log];
  const withJs = await visibleText(browser, url, true);
  const withoutJs = await visibleText(browser, url, false);
  return {
    path,
    ...summarize(log),
    renderBlocking,
    paths: log.map((r) => r.path),
    textWithoutJs: withJs.length === 0 ? 1 : withoutJs.length / withJs.length,
    ...(mustShow ? { readableWithoutJs: findTexts(withoutJs, mustShow) } : {}),
  };
}
