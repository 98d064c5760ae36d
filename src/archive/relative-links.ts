import path from 'node:path/posix';

/**
 * Opened from disk, a root-relative link ("/documents/x/") points at the root of the file
 * system, and a folder link does not open its index.html. The archive rewrites every internal
 * link to a relative path that names the file, so the copy works under file:// with no server.
 */

/** A file under the site root, to tell a page folder ("documents/x" → "documents/x/index.html")
 * from a file ("cards/x.png"). */
export type FileExists = (sitePath: string) => boolean;

/** The relative URL, from the file at `fromFile` (a path under the site root, e.g.
 * "documents/x/index.html"), of the root-relative URL `url`; other URLs come back unchanged. */
export function relativeUrl(
  url: string,
  fromFile: string,
  base: string,
  exists: FileExists,
): string {
  if (!url.startsWith(base) || url.startsWith('//')) return url;
  const match = url.slice(base.length).match(/^([^?#]*)(\?[^#]*)?(#.*)?$/);
  if (!match) return url;
  let target = decodeURI(match[1] ?? '');
  const query = match[2] ?? '';
  const fragment = match[3] ?? '';
  if (target === '' || target.endsWith('/')) target += 'index.html';
  else if (!exists(target) && exists(`${target}/index.html`)) target += '/index.html';
  const relative = path.relative(path.dirname(fromFile), target) || path.basename(target);
  return encodeURI(relative) + query + fragment;
}

const URL_ATTRIBUTE = /(\s(?:href|src|action|poster|data-href)\s*=\s*)(["'])([^"']*)\2/gi;
const SRCSET = /(\ssrcset\s*=\s*)(["'])([^"']*)\2/gi;
const META_REFRESH =
  /(<meta[^>]+http-equiv=["']?refresh["']?[^>]*content=["']\s*\d+\s*;\s*url=)([^"']+)/gi;

/** Rewrites the internal links of one HTML page. Canonical and Open Graph URLs are absolute and
 * stay so: they name the published page, which is what a citation of the archive should keep. */
export function relativizeHtml(
  html: string,
  fromFile: string,
  base: string,
  exists: FileExists,
): string {
  const rewrite = (url: string) => relativeUrl(url, fromFile, base, exists);
  return html
    .replace(
      URL_ATTRIBUTE,
      (_m, attr: string, quote: string, url: string) => `${attr}${quote}${rewrite(url)}${quote}`,
    )
    .replace(SRCSET, (_m, attr: string, quote: string, list: string) => {
      const rewritten = list
        .split(',')
        .map((candidate) => candidate.trim().replace(/^\S+/, (url) => rewrite(url)))
        .join(', ');
      return `${attr}${quote}${rewritten}${quote}`;
    })
    .replace(META_REFRESH, (_m, head: string, url: string) => `${head}${rewrite(url)}`)
    .replace(
      /(<style[^>]*>)([\s\S]*?)(<\/style>)/gi,
      (_m, open: string, css: string, close: string) =>
        `${open}${relativizeCss(css, fromFile, base, exists)}${close}`,
    );
}

/** Rewrites url(...) references in a stylesheet at `fromFile`. */
export function relativizeCss(
  css: string,
  fromFile: string,
  base: string,
  exists: FileExists,
): string {
  return css.replace(
    /url\(\s*(["']?)([^"')]+)\1\s*\)/g,
    (_m, quote: string, url: string) =>
      `url(${quote}${relativeUrl(url, fromFile, base, exists)}${quote})`,
  );
}
