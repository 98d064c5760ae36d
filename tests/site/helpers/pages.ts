import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

// Page types, found from what was built. Every HTML file in dist/ is a page; pages are grouped
// by the route pattern that built them. The pattern is read from the Astro route file the page
// matches under src/pages/ (read only: 'documents/[slug].astro' -> '/documents/[slug]/'), with
// Astro's precedence (static segment > dynamic > rest). A page that no route file matches (a
// redirect, a page an integration injected) gets a pattern guessed from its path: the first
// segment kept, deeper segments made parameters.

/** One built HTML file. */
export interface SitePage {
  /** Absolute path of the file in dist/. */
  file: string;
  /** URL path it is served at: '/', '/documents/', '/documents/some-slug/', '/404.html'. */
  route: string;
  /** Size in bytes (the largest page of a type is the one opened in the browser). */
  size: number;
}

/** All pages built from one route pattern. */
export interface PageType {
  /** Route pattern: '/', '/documents/', '/documents/[slug]/', '/entities/[kind]/[slug]/'. */
  pattern: string;
  /** File-name-safe name: 'front', 'documents', 'documents-slug', 'entities-kind-slug'. */
  name: string;
  /** Every page of the type, sorted by route. */
  pages: SitePage[];
  /** The page the browser tests open: the largest, so the most content is exercised. */
  sample: SitePage;
}

/** Folders at the top of dist/ that hold assets, never pages. */
const ASSET_DIRS = new Set(['_astro', 'pagefind']);

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every .html file under `dist`, as routes, sorted by route. */
export function listPages(dist: string): SitePage[] {
  const pages: SitePage[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === dist && ASSET_DIRS.has(entry.name)) continue;
        walk(abs);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        pages.push({ file: abs, route: routeOf(dist, abs), size: statSync(abs).size });
      }
    }
  };
  walk(dist);
  return pages.sort((a, b) => byString(a.route, b.route));
}

/** 'documents/x/index.html' -> '/documents/x/'; '404.html' -> '/404.html'. */
export function routeOf(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** A route's path segments, ignoring how it was written to disk: '/404.html' -> ['404']. */
function segmentsOf(route: string): string[] {
  return route
    .replace(/(?:^|\/)index\.html$/, '/')
    .replace(/\.html$/, '')
    .split('/')
    .filter(Boolean);
}

/** A route file under src/pages/, as a pattern that can match built routes. */
export interface RouteFile {
  /** '/documents/[slug]/' */
  pattern: string;
  /** Segment ranks for Astro's precedence: 3 static, 2 mixed, 1 [param], 0 [...rest]. */
  ranks: number[];
  regex: RegExp;
}

const PAGE_EXTENSIONS = /\.(astro|md|mdx|markdown|html)$/;

/** Page route files under `pagesDir` (files and folders starting with '_' are not routes). */
export function readRouteFiles(pagesDir: string): RouteFile[] {
  if (!existsSync(pagesDir)) return [];
  const files = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => PAGE_EXTENSIONS.test(rel) && !rel.split('/').some((s) => s.startsWith('_')));
  return files.map((rel) => {
    const segments = rel.replace(PAGE_EXTENSIONS, '').split('/');
    if (segments.at(-1) === 'index') segments.pop();
    const ranks: number[] = [];
    let source = '^';
    for (const segment of segments) {
      if (/^\[\.\.\.[^\]]+\]$/.test(segment)) {
        ranks.push(0);
        source += '(?:/.*)?';
      } else if (/^\[[^\]]+\]$/.test(segment)) {
        ranks.push(1);
        source += '/[^/]+';
      } else if (segment.includes('[')) {
        ranks.push(2);
        const parts = segment.split(/(\[[^\]]+\])/).filter(Boolean);
        source += `/${parts.map((p) => (p.startsWith('[') ? '[^/]+' : escapeRegex(p))).join('')}`;
      } else {
        ranks.push(3);
        source += `/${escapeRegex(segment)}`;
      }
    }
    const pattern = segments.length ? `/${segments.join('/')}/` : '/';
    return { pattern, ranks, regex: new RegExp(`${source}/?$`) };
  });
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Astro's precedence between route files that match the same path: most specific first. */
function compareRouteFiles(a: RouteFile, b: RouteFile): number {
  for (let i = 0; i < Math.max(a.ranks.length, b.ranks.length); i++) {
    // A route that ends here beats a [...rest] that would match nothing more.
    const ra = a.ranks[i] ?? 0.5;
    const rb = b.ranks[i] ?? 0.5;
    if (ra !== rb) return rb - ra;
  }
  return byString(a.pattern, b.pattern);
}

/**
 * A pattern guessed from a route alone: first segment kept ('/documents/', '/search/'), deeper
 * segments '[n]' when numeric, '[slug]' otherwise; a file name other than index.html kept.
 */
export function guessPattern(route: string): string {
  if (route === '/') return '/';
  const isDir = route.endsWith('/');
  const segments = route.split('/').filter(Boolean);
  const file = isDir ? null : segments.pop();
  const mapped = segments.map((segment, i) =>
    i === 0 ? segment : /^\d+$/.test(segment) ? '[n]' : '[slug]',
  );
  return `/${mapped.map((s) => `${s}/`).join('')}${file ?? ''}`;
}

/** The pattern of the route file that built `route`, or a guess when none matches. */
export function patternOf(route: string, routeFiles: RouteFile[]): string {
  const target = `/${segmentsOf(route).join('/')}`;
  const match = routeFiles.filter((r) => r.regex.test(target)).sort(compareRouteFiles)[0];
  return match ? match.pattern : guessPattern(route);
}

/** 'front' for '/', otherwise the pattern's words joined by '-': 'documents-slug', '404'. */
export function nameOf(pattern: string): string {
  if (pattern === '/') return 'front';
  return pattern
    .replace(/\.html$/, '')
    .split(/[^A-Za-z0-9_]+/)
    .filter(Boolean)
    .join('-');
}

/** Group the built pages by route pattern: one entry per page type, sorted by pattern. */
export function discoverPageTypes(
  dist: string,
  pagesDir: string = path.join(repoRoot, 'src/pages'),
): PageType[] {
  const routeFiles = readRouteFiles(pagesDir);
  const groups = new Map<string, SitePage[]>();
  for (const page of listPages(dist)) {
    const pattern = patternOf(page.route, routeFiles);
    groups.set(pattern, [...(groups.get(pattern) ?? []), page]);
  }
  if (groups.size === 0) throw new Error(`No HTML pages in ${dist}: did the build run?`);
  const types = [...groups.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([pattern, pages]) => ({
      pattern,
      name: nameOf(pattern),
      pages,
      sample: pages.reduce((best, p) => (p.size > best.size ? p : best)),
    }));
  const names = new Set(types.map((t) => t.name));
  if (names.size !== types.length) {
    throw new Error(`Two page types share a name: ${types.map((t) => t.pattern).join(', ')}`);
  }
  return types;
}
