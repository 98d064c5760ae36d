import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type Browser } from './browser.ts';
import { distDir } from './paths.ts';
import { startStaticServer, type StaticServer } from './server.ts';

export interface ServedSite {
  server: StaticServer;
}

/** Anything with an async close(): the suite's Browser, or Playwright's own. */
interface Closable {
  close(): Promise<void>;
}

export interface SiteInBrowser<B extends Closable> extends ServedSite {
  browser: B;
}

/**
 * The built site on a local server for the tests of one file: started before them and closed
 * after. `server` is set once they start, so read it inside tests and hooks only.
 */
export function serveBuiltSite(): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await startStaticServer(distDir());
  });
  afterAll(async () => {
    await site.server?.close();
  });
  return site;
}

/**
 * The built site on a local server and a browser to open it in (`launchBrowser()` unless `launch`
 * says otherwise), for the tests of one file; both are set once they start.
 */
export function openBuiltSite(): SiteInBrowser<Browser>;
export function openBuiltSite<B extends Closable>(launch: () => Promise<B>): SiteInBrowser<B>;
export function openBuiltSite(
  launch: () => Promise<Closable> = launchBrowser,
): SiteInBrowser<Closable> {
  const site = serveBuiltSite() as SiteInBrowser<Closable>;
  beforeAll(async () => {
    site.browser = await launch();
  });
  // Registered after the server's hook, so it runs before it: the browser closes first.
  afterAll(async () => {
    await site.browser?.close();
  });
  return site;
}
