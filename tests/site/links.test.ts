import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HtmlElement } from 'html-validate';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { beforeAll, describe, expect, test } from 'vitest';
import { attr, describeElement, fragmentTargets, parseHtml, srcsetUrls } from './helpers/html.ts';
import { discoverPageTypes, listPages, type SitePage } from './helpers/pages.ts';
import { distDir } from './helpers/paths.ts';
import { serveBuiltSite } from './helpers/site.ts';

// Links of the whole built site: every internal page, asset and #fragment they point at exists
// (linkinator crawling the local server, plus a check of every URL attribute against dist/), and
// nothing in any page or stylesheet loads a script, style, font or image from another host.

const dist = distDir();
const types = discoverPageTypes(dist);
const pages = listPages(dist);

/** Stand-in origin for resolving a page's relative URLs. */
const LOCAL = 'http://site.invalid';

interface ParsedPage {
  page: SitePage;
  root: HtmlElement;
}
const parsed = new Map<string, ParsedPage>();
/** Origins the site calls its own (from rel=canonical / og:url): their URLs point into dist/. */
const ownOrigins = new Set<string>([LOCAL]);

const site = serveBuiltSite();

beforeAll(async () => {
  for (const page of pages) {
    parsed.set(page.file, { page, root: await parseHtml(readFileSync(page.file, 'utf8')) });
  }
  for (const { root } of parsed.values()) {
    const selfUrls = [
      ...root
        .querySelectorAll('link[rel]')
        .filter((el) => relsOf(el).includes('canonical'))
        .map((el) => attr(el, 'href')),
      ...root.querySelectorAll('meta[property="og:url"]').map((el) => attr(el, 'content')),
    ];
    for (const raw of selfUrls) {
      if (raw && URL.canParse(raw)) ownOrigins.add(new URL(raw).origin);
    }
  }
});

/** The tokens of a rel attribute (html-validate's selectors have no ~=). */
function relsOf(el: HtmlElement): string[] {
  return (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** The file in dist/ a URL path is served from (as the static host would), or null. */
function fileFor(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const target = path.join(dist, decoded);
  if (!target.startsWith(dist)) return null;
  if (decoded.endsWith('/')) {
    const index = path.join(target, 'index.html');
    return existsSync(index) ? index : null;
  }
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = path.join(target, 'index.html');
  return existsSync(index) ? index : null;
}

/** Fragment targets of an HTML file in dist/ (parsed pages are cached). */
function targetsOf(file: string): Set<string> | null {
  const page = parsed.get(file);
  return page ? fragmentTargets(page.root) : null;
}

/** Attributes that hold a URL the page links to or loads (a selector and its attribute). */
const URL_ATTRIBUTES: Array<[string, string]> = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['iframe[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['input[src]', 'src'],
  ['form[action]', 'action'],
  ['use[href]', 'href'],
  ['image[href]', 'href'],
  ['meta[property="og:url"]', 'content'],
  ['meta[property="og:image"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];

/** Problems with the internal links of one page: missing targets and missing fragments. */
function brokenInternalLinks({ page, root }: ParsedPage): string[] {
  const problems: string[] = [];
  const base = new URL(encodeURI(page.route), LOCAL);
  for (const [selector, name] of URL_ATTRIBUTES) {
    for (const el of root.querySelectorAll(selector)) {
      const value = attr(el, name) ?? '';
      const raws = name === 'srcset' ? srcsetUrls(value) : [value];
      for (const raw of raws) {
        let url: URL;
        try {
          url = new URL(raw.trim(), base);
        } catch {
          problems.push(`${describeElement(el, name)}: not a valid URL`);
          continue;
        }
        if (!ownOrigins.has(url.origin)) continue; // external, mailto:, tel:, data: ...
        const file = fileFor(url.pathname);
        if (!file) {
          problems.push(`${describeElement(el, name)}: no file in dist/ for ${url.pathname}`);
          continue;
        }
        const fragment = url.hash.slice(1);
        // '#' and '#top' scroll to the top by definition; ':~:' starts a text fragment.
        if (!fragment || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:')) continue;
        const targets = targetsOf(file);
        if (!targets) continue; // not an HTML page: fragments are not ids there
        let decoded = fragment;
        try {
          decoded = decodeURIComponent(fragment);
        } catch {
          // keep the raw fragment
        }
        if (!targets.has(fragment) && !targets.has(decoded)) {
          const where = file === page.file ? 'this page' : url.pathname;
          problems.push(`${describeElement(el, name)}: no id "${decoded}" on ${where}`);
        }
      }
    }
  }
  return problems;
}

/** rel values of <link> that make the browser fetch or connect. */
const FETCHING_RELS = new Set([
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'prerender',
  'icon',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
]);

/** A URL that would reach another host (absolute http(s) or protocol-relative). */
function isExternal(raw: string, base: URL): boolean {
  try {
    const url = new URL(raw.trim(), base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== base.origin;
  } catch {
    return false;
  }
}

/** url(...) and @import targets in CSS text. */
function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) urls.push(m[2] ?? '');
  for (const m of css.matchAll(/@import\s+(['"])(.*?)\1/gi)) urls.push(m[2] ?? '');
  return urls;
}

/** Scripts, styles, fonts and images of one page that would come from another host. */
function externalResources({ page, root }: ParsedPage): string[] {
  const problems: string[] = [];
  const base = new URL(encodeURI(page.route), LOCAL);
  const check = (el: HtmlElement, name: string, urls: string[]): void => {
    for (const raw of urls) {
      if (isExternal(raw, base)) problems.push(`${describeElement(el, name)}: loads ${raw}`);
    }
  };
  for (const el of root.querySelectorAll('link[href]')) {
    if (relsOf(el).some((rel) => FETCHING_RELS.has(rel)))
      check(el, 'href', [attr(el, 'href') ?? '']);
  }
  for (const [selector, name] of URL_ATTRIBUTES) {
    if (selector.startsWith('link') || selector.startsWith('meta') || selector.startsWith('form'))
      continue;
    if (selector === 'a[href]' || selector === 'area[href]') continue; // navigation, not a load
    for (const el of root.querySelectorAll(selector)) {
      const value = attr(el, name) ?? '';
      check(el, name, name === 'srcset' ? srcsetUrls(value) : [value]);
    }
  }
  for (const el of root.querySelectorAll('[style]'))
    check(el, 'style', cssUrls(attr(el, 'style') ?? ''));
  for (const el of root.querySelectorAll('style')) {
    for (const raw of cssUrls(el.textContent)) {
      if (isExternal(raw, base)) problems.push(`<style> (line ${el.location.line}): loads ${raw}`);
    }
  }
  return problems;
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.css'))
    .map((rel) => path.join(dir, rel));
}

describe('linkinator', () => {
  test('every internal page, asset and #fragment answers on the local server', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: pages.map((p) => site.server.origin + encodeURI(p.route)),
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 20,
      timeout: 10_000,
      linksToSkip: async (link) => !link.startsWith(`${site.server.origin}/`),
    });
    const checked = result.links.filter((l: LinkResult) => l.state !== LinkState.SKIPPED);
    const broken = result.links
      .filter((l: LinkResult) => l.state === LinkState.BROKEN)
      .map((l: LinkResult) => {
        const why = (l.failureDetails ?? [])
          .map((d) => (d instanceof Error ? d.message : `HTTP ${d.status}`))
          .join('; ');
        const from = l.parent ? l.parent.replace(site.server.origin, '') : '(start)';
        return `${l.url.replace(site.server.origin, '')} (status ${l.status ?? '?'}) linked from ${from}${why ? `: ${why}` : ''}`;
      });
    expect(checked.length, 'links linkinator checked').toBeGreaterThanOrEqual(pages.length);
    expect(broken, 'broken links').toEqual([]);
  });
});

for (const type of types) {
  describe(`${type.pattern} (${type.pages.length} page${type.pages.length === 1 ? '' : 's'})`, () => {
    test('every internal URL resolves to a file in dist/ and every #fragment to an id', () => {
      const problems = type.pages.flatMap((page) => {
        const p = parsed.get(page.file);
        return p ? brokenInternalLinks(p).map((msg) => `${page.route} ${msg}`) : [];
      });
      expect(problems).toEqual([]);
    });

    test('no script, style, font or image from another host', () => {
      const problems = type.pages.flatMap((page) => {
        const p = parsed.get(page.file);
        return p ? externalResources(p).map((msg) => `${page.route} ${msg}`) : [];
      });
      expect(problems).toEqual([]);
    });
  });
}

test('no stylesheet in dist/ loads a font, image or stylesheet from another host', () => {
  const base = new URL('/', LOCAL);
  const problems = cssFiles(dist).flatMap((file) =>
    cssUrls(readFileSync(file, 'utf8'))
      .filter((raw) => isExternal(raw, base))
      .map((raw) => `${path.relative(dist, file)}: loads ${raw}`),
  );
  expect(problems).toEqual([]);
});
