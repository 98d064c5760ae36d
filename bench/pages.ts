import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Page types are the site's own routes (the files in src/pages), so pages added later are measured
 * without changing the benchmark. Each built HTML page is matched to the route that made it.
 */

/** What a route is for, as far as the benchmark needs to know. */
export type Role = 'front page' | 'document' | 'entity' | 'search' | 'page';

export interface Route {
  /** The route as a URL pattern: `/documents/[slug]/`. */
  pattern: string;
  segments: string[];
  /** Astro's priority: static segments before parameters before rest parameters. */
  rank: number[];
}

export interface BuiltPage {
  /** Site path: `/documents/x/`. */
  path: string;
  file: string;
  bytes: number;
}

export interface PageType {
  route: string;
  role: Role;
  /** The page measured for this type: the same page at every corpus size. */
  path: string;
  /** Its HTML size. */
  bytes: number;
  pages: number;
  /** The largest page of the type, which shows whether lists paginate. */
  largest: { path: string; bytes: number };
}

const PAGE_FILE = /\.(astro|md|mdx|html)$/;

/** The routes under src/pages that render HTML (endpoints such as feeds or images are not pages). */
export function readRoutes(pagesDir: string): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('_') || name.startsWith('.')) continue;
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (PAGE_FILE.test(name)) routes.push(routeFromFile(relative(pagesDir, file)));
    }
  };
  walk(pagesDir);
  return routes;
}

export function routeFromFile(file: string): Route {
  const segments = file.replace(PAGE_FILE, '').split(sep).filter(Boolean);
  if (segments.at(-1) === 'index') segments.pop();
  const rank = segments.map((s) => (s.startsWith('[...') ? 2 : s.includes('[') ? 1 : 0));
  return { pattern: `/${segments.map((s) => `${s}/`).join('')}`, segments, rank };
}

/** Whether a page's path segments fit a route's; a rest parameter takes zero or more. */
export function matches(route: readonly string[], path: readonly string[]): boolean {
  if (route.length === 0) return path.length === 0;
  const [head, ...rest] = route;
  if (head!.startsWith('[...')) {
    for (let take = 0; take <= path.length; take++) {
      if (matches(rest, path.slice(take))) return true;
    }
    return false;
  }
  if (path.length === 0) return false;
  const source = head!
    .split(/(\[[^\]]+\])/)
    .map((part) => (part.startsWith('[') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path[0]!) && matches(rest, path.slice(1));
}

/** The route that made a page: the first match in Astro's priority order. */
export function routeOf(routes: readonly Route[], path: string): Route | undefined {
  const segments = path.split('/').filter(Boolean);
  const ordered = [...routes].sort((a, b) => compareRank(a.rank, b.rank));
  return ordered.find((r) => matches(r.segments, segments));
}

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every HTML page in a build, as site paths (`documents/x/index.html` is `/documents/x/`). */
export function listPages(dist: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dist, file).split(sep).join('/');
        const path = `/${rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/')}`;
        pages.push({ path, file, bytes: statSync(file).size });
      }
    }
  };
  walk(dist);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Groups pages by route and picks the page to measure for each: the front page, the reference
 * document, and otherwise the largest page of the type in `reference` (the five-document build),
 * so that the same page is followed across corpus sizes.
 */
export function pageTypes(
  routes: readonly Route[],
  pages: readonly BuiltPage[],
  documentSlugs: ReadonlySet<string>,
  referenceDocument: string,
  entityIds: ReadonlySet<string>,
  reference?: readonly PageType[],
): PageType[] {
  const byRoute = new Map<string, BuiltPage[]>();
  for (const page of pages) {
    const route = routeOf(routes, page.path);
    if (!route) continue;
    byRoute.set(route.pattern, [...(byRoute.get(route.pattern) ?? []), page]);
  }
  const types: PageType[] = [];
  for (const [pattern, group] of byRoute) {
    const last = (p: BuiltPage) => p.path.split('/').filter(Boolean).at(-1) ?? '';
    const share = (ids: ReadonlySet<string>) =>
      group.filter((p) => ids.has(last(p))).length / group.length;
    const role: Role =
      pattern === '/'
        ? 'front page'
        : share(documentSlugs) > 0.5
          ? 'document'
          : /search/.test(pattern)
            ? 'search'
            : entityIds.size > 0 && share(entityIds) > 0.5
              ? 'entity'
              : 'page';
    const largest = group.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const wanted =
      role === 'document'
        ? group.find((p) => last(p) === referenceDocument)?.path
        : reference?.find((t) => t.route === pattern)?.path;
    const chosen = group.find((p) => p.path === wanted) ?? largest;
    types.push({
      route: pattern,
      role,
      path: chosen.path,
      bytes: chosen.bytes,
      pages: group.length,
      largest: { path: largest.path, bytes: largest.bytes },
    });
  }
  const order: Role[] = ['front page', 'document', 'entity', 'search', 'page'];
  return types.sort(
    (a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.route.localeCompare(b.route),
  );
}

/** Raw and gzip sizes of one built file. */
export function fileSizes(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** Total size and file count of a folder, such as a search index. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const file = join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        bytes += statSync(file).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}
