import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntry } from '../../ingest/write.ts';
import {
  parseRegistryFile,
  registryProblems,
  validateEntity,
  type RegistryEntry,
} from './registry.ts';

/**
 * Reading the registry and the documents from disk, for what runs outside an Astro build (the
 * `entities:suggest` script, unit tests). The build reads them through the content collections.
 */

export const ENTITIES_DIR = 'src/content/entities';
export const DOCUMENTS_DIR = 'src/content/documents';

/** The whole registry, validated; throws one error listing every problem. */
export function readRegistry(root: string, dir = ENTITIES_DIR): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const file = `${dir}/${name}`;
    for (const { id, raw } of parseRegistryFile(readFileSync(join(root, file), 'utf8'), file)) {
      entries.push({ id, data: validateEntity(id, raw, file), file });
    }
  }
  const problems = registryProblems(entries);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries;
}

export interface DocumentFile {
  id: string;
  filePath: string;
  /** The frontmatter as written, not validated here. */
  data: Record<string, unknown>;
  body: string;
}

/** Every document entry, by file name, in name order. */
export function readDocuments(root: string, dir = DOCUMENTS_DIR): DocumentFile[] {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const filePath = `${dir}/${name}`;
      const { data, body } = parseEntry(readFileSync(join(root, filePath), 'utf8'), filePath);
      return {
        id: name.replace(/\.mdx$/, ''),
        filePath,
        data: (data ?? {}) as Record<string, unknown>,
        body,
      };
    });
}
