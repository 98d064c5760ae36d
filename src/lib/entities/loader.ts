import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { EntityData } from '../../content/entity-schema.ts';
import { parseRegistryFile, registryProblems, type RegistryEntry } from './registry.ts';

/**
 * The `entities` collection's loader: every `*.yaml` file in one folder, each a map from id to
 * entity, loaded as one collection. Astro's own `file()` loader reads a single file, and the
 * registry is kept one file per kind so that an editor finds an entity by what it is. After
 * loading, the registry is checked as a whole (ids unique across files, parents exist, a name
 * leads to one entity); any problem fails the build naming the file and entity.
 */
export function entitiesLoader(options: { base: string }): Loader {
  return {
    name: 'entities-loader',
    load: async ({ config, store, parseData, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const folder = fileURLToPath(new URL(options.base.replace(/\/?$/, '/'), config.root));

      async function sync() {
        const files = readdirSync(folder)
          .filter((name) => /\.ya?ml$/.test(name))
          .sort()
          .map((name) => join(folder, name));
        const entries: RegistryEntry[] = [];
        for (const path of files) {
          const file = relative(root, path);
          for (const { id, raw } of parseRegistryFile(readFileSync(path, 'utf8'), file)) {
            const data = await parseData({
              id,
              data: raw as Record<string, unknown>,
              filePath: file,
            });
            entries.push({ id, data: data as unknown as EntityData, file });
          }
        }
        const problems = registryProblems(entries);
        if (problems.length > 0) throw new Error(problems.join('\n'));
        store.clear();
        for (const { id, data, file } of entries) {
          store.set({ id, data: data as unknown as Record<string, unknown>, filePath: file });
        }
      }

      await sync();
      watcher?.add(folder);
      watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(folder) || !/\.ya?ml$/.test(changed)) return;
        logger.info(`Reloading entities after a change to ${relative(root, changed)}`);
        sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
