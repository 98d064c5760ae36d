import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEntry } from '../../../src/ingest/write.ts';
import { frontmatterField, readEntryFile } from '../../../src/lib/documents-loader/entry-file.ts';

const file = 'src/content/documents/renewing-central-asian-partnerships.mdx';
const text = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

describe('reading an entry file as data', () => {
  it('gives the frontmatter and body the ingest wrote', () => {
    const entry = readEntryFile(text, file);
    const written = parseEntry(text);
    expect(entry.data).toEqual(written.data);
    expect(entry.body).toBe(written.body);
    // What the ingest's own YAML library (yaml, 1.1) reads back is the same data.
    const front = text.match(/^---\n([\s\S]*?)\n---\n/)![1]!;
    expect(entry.data).toEqual(parse(front, { version: '1.1' }));
    expect(entry.data['title']).toBe('Renewing Central Asian Partnerships');
    expect(entry.body).toMatch(/^<p id="p-[0-9a-f]{6}">/m);
  });

  it('reads an entry saved with Windows line endings or a byte order mark the same', () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    expect(readEntryFile(crlf, file)).toEqual(readEntryFile(text, file));
  });

  it('fails in one line naming the file when there is no frontmatter', () => {
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(() => readEntryFile(body, 'src/content/documents/x.mdx')).toThrow(
      /^src\/content\/documents\/x\.mdx: no frontmatter/,
    );
  });

  it('fails naming the file when the frontmatter is not YAML or not a mapping', () => {
    const broken = text.replace(/^title: .*$/m, 'title: [unclosed');
    expect(() => readEntryFile(broken, 'a.mdx')).toThrow(
      /^a\.mdx: the frontmatter is not valid YAML: /,
    );
    expect(() => readEntryFile('---\n- a list\n---\nbody', 'b.mdx')).toThrow(
      'b.mdx: the frontmatter is not a mapping of fields',
    );
  });
});

describe('one field of the frontmatter', () => {
  it('reads the same value as the whole frontmatter gives', () => {
    const { data } = readEntryFile(text, file);
    for (const key of ['source', 'title', 'authors', 'topics', 'published', 'keyPoints']) {
      expect(frontmatterField(text, key), key).toEqual(data[key]);
    }
    expect(frontmatterField(text, 'nonexistent')).toBeUndefined();
    expect(frontmatterField('no frontmatter', 'source')).toBeUndefined();
  });
});
