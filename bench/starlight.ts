import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedEntry } from './corpus.ts';
import { parseEntryText } from './corpus.ts';

/**
 * The yardstick: a stock Astro Starlight site with the same documents, installed from npm by the
 * benchmark itself (never committed) and built and measured the same way as the project.
 */

/** The versions the reference figures were taken with. */
export const STARLIGHT_PACKAGES = ['astro@^7.3', '@astrojs/starlight@^0.42'];

const CONFIG = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// Stock Starlight: a title and nothing else, so the sidebar lists every page, as by default.
export default defineConfig({
  site: 'https://briefing.example.org',
  integrations: [starlight({ title: 'Central Asia Security Briefing' })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** `npm install`s Starlight into `dir` (quick when it is already there) and returns the versions
 * installed. npm is the system's; the build later runs on the project's Node. */
export function installStarlight(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module' }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...STARLIGHT_PACKAGES],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return {
    astro: version('astro'),
    '@astrojs/starlight': version('@astrojs/starlight'),
    pagefind: version('pagefind'),
  };
}

/** Markdown for a paragraph: characters Markdown would read as syntax are escaped. */
export function markdownText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\s*)([-+>]|\d+[.)])(\s)/, '$1\\$2$3');
}

/** An entry of the project as a Starlight page: its title, its summary as the page description
 * (as a docs page would have one; without it Lighthouse marks Starlight down for SEO), and its
 * body as Markdown. */
export function toStarlightPage(entry: GeneratedEntry): string {
  const parsed = parseEntryText(entry.slug, entry.text);
  const summary = (parsed.data.summary as { text?: string } | undefined)?.text;
  const body = parsed.blocks.map((b) =>
    b.kind === 'h2' ? `## ${markdownText(b.text)}` : markdownText(b.text),
  );
  const frontmatter = [
    `title: ${JSON.stringify(String(parsed.data.title))}`,
    ...(summary ? [`description: ${JSON.stringify(summary)}`] : []),
  ];
  return `---\n${frontmatter.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
}

/** Replaces the Starlight site's pages with `entries`, plus the home page Starlight expects, and
 * gives it the project's favicon (Starlight links /favicon.svg; a missing one is a console error). */
export function writeStarlightDocs(
  dir: string,
  entries: readonly GeneratedEntry[],
  favicon: string,
): void {
  mkdirSync(join(dir, 'public'), { recursive: true });
  if (existsSync(favicon)) copyFileSync(favicon, join(dir, 'public', 'favicon.svg'));
  const docs = join(dir, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  writeFileSync(
    join(docs, 'index.md'),
    '---\ntitle: Central Asia Security Briefing\n---\n\nDocuments on security in Central Asia.\n',
  );
  for (const e of entries) writeFileSync(join(docs, `${e.slug}.md`), toStarlightPage(e));
}

/** Build output and caches, so that each Starlight build is clean. */
export function cleanStarlight(dir: string): void {
  for (const p of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(join(dir, p), { recursive: true, force: true });
  }
}
