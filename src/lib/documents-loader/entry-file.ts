import { load } from 'js-yaml';

/**
 * An entry file split into its frontmatter, parsed with js-yaml as Astro parses frontmatter (the
 * ingest writes what both read the same way: dates quoted), and its body. js-yaml is also
 * several times faster than the yaml package, which counts at thousands of entries. Line endings are normalised first, so an entry saved
 * by an editor on Windows reads the same. A file without frontmatter, or with frontmatter that
 * is not a YAML mapping, fails naming the file.
 */
export function readEntryFile(
  text: string,
  filePath: string,
): { data: Record<string, unknown>; body: string } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = normalised.match(/^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/);
  if (!match) {
    throw new Error(
      `${filePath}: no frontmatter: an entry starts with a line "---", its fields, and another "---"`,
    );
  }
  let data: unknown;
  try {
    data = load(match[1]!);
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new Error(`${filePath}: the frontmatter is not valid YAML: ${first}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${filePath}: the frontmatter is not a mapping of fields`);
  }
  return { data: data as Record<string, unknown>, body: match[2]!.replace(/^\n/, '') };
}

/**
 * One top-level field of an entry's frontmatter, parsed alone: the lines from `key:` to the
 * next top-level key. For reading one field of every entry (the source file, to follow renamed
 * slugs) without parsing whole frontmatters, which at thousands of entries takes seconds.
 * Undefined when the entry has no frontmatter or no such field.
 */
export function frontmatterField(text: string, key: string): unknown {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = normalised.match(/^---\n([\s\S]*?)\n---(?:\n|$)/)?.[1];
  if (front === undefined) return undefined;
  const lines = front.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^[\s#-]/.test(lines[end]!))) end++;
  const data = load(lines.slice(start, end).join('\n')) as Record<string, unknown> | null;
  return data?.[key];
}
