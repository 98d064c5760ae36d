import { load } from 'js-yaml';

/**
 * An entry's frontmatter text and body, or undefined when it has none. Line endings are
 * normalised first and a byte order mark dropped, so an entry saved by an editor on Windows
 * reads the same.
 */
export function splitEntry(text: string): { front: string; body: string } | undefined {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = normalised.match(/^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/);
  return match ? { front: match[1]!, body: match[2]!.replace(/^\n/, '') } : undefined;
}

/**
 * Frontmatter parsed with js-yaml, as Astro parses frontmatter (the ingest writes what both read
 * the same way: dates quoted); js-yaml is also several times faster than the yaml package, which
 * counts at thousands of entries. Invalid YAML fails in one line naming the file.
 */
export function parseFrontmatter(front: string, filePath: string): unknown {
  try {
    return load(front);
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new Error(`${filePath}: the frontmatter is not valid YAML: ${first}`);
  }
}

/**
 * An entry file as the documents collection reads it: its frontmatter fields and its body. A
 * file without frontmatter, or with frontmatter that is not a YAML mapping, fails naming the file.
 */
export function readEntryFile(
  text: string,
  filePath: string,
): { data: Record<string, unknown>; body: string } {
  const entry = splitEntry(text);
  if (!entry) {
    throw new Error(
      `${filePath}: no frontmatter: an entry starts with a line "---", its fields, and another "---"`,
    );
  }
  const data = parseFrontmatter(entry.front, filePath);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${filePath}: the frontmatter is not a mapping of fields`);
  }
  return { data: data as Record<string, unknown>, body: entry.body };
}

/**
 * One top-level field of an entry's frontmatter, parsed alone: the lines from `key:` to the
 * next top-level key. For reading one field of every entry (the source file, to follow renamed
 * slugs) without parsing whole frontmatters, which at thousands of entries takes seconds.
 * Undefined when the entry has no frontmatter or no such field.
 */
export function frontmatterField(text: string, key: string): unknown {
  const front = splitEntry(text)?.front;
  if (front === undefined) return undefined;
  const lines = front.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^[\s#-]/.test(lines[end]!))) end++;
  const data = load(lines.slice(start, end).join('\n')) as Record<string, unknown> | null;
  return data?.[key];
}
