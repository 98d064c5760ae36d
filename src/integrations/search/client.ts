import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * The browser scripts of search, built as classic scripts (IIFE): module scripts do not run in a
 * page opened from disk. esbuild is the bundler Astro itself depends on.
 */

/** Output name (in the search page's folder) to entry point, relative to the project root. */
export const CLIENT_SCRIPTS = {
  'search.js': 'src/components/search/client/search-page.ts',
  'highlight.js': 'src/components/search/client/highlight.ts',
} as const;

export type ClientScript = keyof typeof CLIENT_SCRIPTS;

/** One script, bundled and minified. `root` is the project's root folder. */
export async function bundleClient(name: ClientScript, root: URL): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(CLIENT_SCRIPTS[name], root))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild wrote nothing for ${name}`);
  return file.text;
}
