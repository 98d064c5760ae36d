import { parse } from 'yaml';

/**
 * An entry file split into its frontmatter, parsed as YAML 1.1 (as Astro reads frontmatter and
 * as the ingest writes it), and its body. Line endings are normalised first, so an entry saved
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
    data = parse(match[1]!, { version: '1.1' });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new Error(`${filePath}: the frontmatter is not valid YAML: ${first}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${filePath}: the frontmatter is not a mapping of fields`);
  }
  return { data: data as Record<string, unknown>, body: match[2]!.replace(/^\n/, '') };
}
