import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/archive/archive.ts';
import { readRecord } from '../../src/urls/redirects.ts';
import { documentAnchors, isPublishedFile, isRedirectPage, urlOf } from '../../src/urls/record.ts';
import { distDir, repoRoot } from './helpers/paths.ts';

// The URL contract: every URL in src/urls/published.json still resolves (a page, a file, or a
// redirect to one; fragments included), and everything the site publishes is recorded there.

const dist = distDir();
const record = readRecord(path.join(repoRoot, 'src/urls/published.json'));
const base = '/';

function fileFor(urlPath: string): string {
  const rel = urlPath.slice(base.length);
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** The HTML a URL ends at, following Astro's redirect pages. */
function resolve(urlPath: string, hops = 0): { file: string; html?: string } | undefined {
  const file = fileFor(urlPath);
  const full = path.join(dist, file);
  if (!existsSync(full)) return undefined;
  if (!file.endsWith('.html')) return { file };
  const html = readFileSync(full, 'utf8');
  if (isRedirectPage(html) && hops < 3) {
    const target = html.match(/content="\d+;\s*url=([^"]+)"/i)?.[1];
    return target ? resolve(new URL(target, `https://x${urlPath}`).pathname, hops + 1) : undefined;
  }
  return { file, html };
}

describe('every recorded URL still resolves', () => {
  it('has a record', () => {
    expect(record.urls.length).toBeGreaterThan(10);
  });

  it('pages and files, following redirects', () => {
    const broken = record.urls
      .map((u) => u.split('#')[0]!)
      .filter((u, i, all) => all.indexOf(u) === i)
      .filter((u) => resolve(u) === undefined);
    expect(broken, 'add a redirect in src/urls/redirects.json for each').toEqual([]);
  });

  it('paragraph and heading anchors', () => {
    const broken = record.urls.filter((u) => {
      if (!u.includes('#')) return false;
      const [page, id] = u.split('#') as [string, string];
      const html = resolve(page)?.html ?? '';
      return !new RegExp(`\\bid="${id}"`).test(html);
    });
    expect(
      broken,
      'a paragraph whose text changed lost its id: see README, "Links that last"',
    ).toEqual([]);
  });
});

describe('everything the site publishes is recorded', () => {
  const files = listFiles(dist).filter(isPublishedFile);

  it('every page and file', () => {
    const recorded = new Set(record.urls);
    const missing = files
      .filter(
        (f) => !(f.endsWith('.html') && isRedirectPage(readFileSync(path.join(dist, f), 'utf8'))),
      )
      .map((f) => urlOf(f, base))
      .filter((u) => !recorded.has(u));
    expect(
      missing,
      'run `npm run build && npm run urls:record` and commit src/urls/published.json',
    ).toEqual([]);
  });

  it('every anchor of every document page', () => {
    const recorded = new Set(record.urls);
    const missing = files
      .filter((f) => /^documents\/[^/]+\/index\.html$/.test(f))
      .flatMap((f) =>
        documentAnchors(readFileSync(path.join(dist, f), 'utf8')).map(
          (id) => `${urlOf(f, base)}#${id}`,
        ),
      )
      .filter((u) => !recorded.has(u));
    expect(missing, 'run `npm run build && npm run urls:record`').toEqual([]);
  });
});
