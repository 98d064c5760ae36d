import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readEntryFile } from './entry-file.ts';

/**
 * The `documents` collection's loader: every `*.mdx` entry in one folder, read as data — its
 * frontmatter and its body text — and not compiled as MDX. The pages never render an entry's
 * MDX: the document body is laid out from its blocks (src/lib/crosslinks.ts), with the entity
 * links worked in. Astro's glob() loader would compile every entry into a module all the same,
 * which at a thousand documents was most of the bundling time of a build.
 *
 * Entries whose text is unchanged since the last build (same digest) are not parsed or
 * validated again; entries whose file is gone are removed.
 */
export function documentsLoader(options: { base: string }): Loader {
  return {
    name: 'documents-loader',
    load: async ({ config, store, parseData, generateDigest, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const folder = fileURLToPath(new URL(options.base.replace(/\/?$/, '/'), config.root));

      async function sync() {
        const names = readdirSync(folder)
          .filter((name) => name.endsWith('.mdx'))
          .sort();
        const ids = new Set<string>();
        for (const name of names) {
          const path = join(folder, name);
          const filePath = relative(root, path);
          const text = readFileSync(path, 'utf8');
          const id = name.replace(/\.mdx$/, '');
          ids.add(id);
          const digest = generateDigest(text);
          if (store.get(id)?.digest === digest) continue;
          const { data, body } = readEntryFile(text, filePath);
          const parsed = await parseData({ id, data, filePath });
          store.set({ id, data: parsed, body, filePath, digest });
        }
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      }

      await sync();
      watcher?.add(folder);
      watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(folder) || !changed.endsWith('.mdx')) return;
        logger.info(`Reloading documents after a change to ${relative(root, changed)}`);
        sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
