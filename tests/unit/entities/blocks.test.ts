import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../../src/lib/entities/blocks.ts';
import { blocksOf } from './corpus.ts';

describe('parseBlocks', () => {
  it('reads headings and paragraphs of a real entry, in order, with their ids', () => {
    const blocks = blocksOf('renewing-central-asian-partnerships');
    expect(blocks.length).toBe(23);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.id)).toEqual([
      'post-9-11-engagement',
      'andijan-effect',
      'building-a-nato-sco-dialogue',
    ]);
    expect(blocks[0]!.id).toBe('p-eabb9b');
    expect(blocks.at(-1)!.text).toBe(
      'This article originally appeared in the autumn 2006 issue of the NATO Review.',
    );
  });

  it('decodes the JSON string, escapes included', () => {
    const block = blocksOf('renewing').find((b) => b.id === 'p-f50df4')!;
    expect(block.text).toContain('its "Virtual Silk Highway" initiative.');
    const [braces] = parseBlocks('<p id="p-1">{"a \\u007bb\\u007d \\u003cc\\u003e"}</p>');
    expect(braces!.text).toBe('a {b} <c>');
  });

  it('skips the generated comment and blank lines', () => {
    const body = '{/* Written by `npm run ingest`. */}\n\n<h2 id="a">{"A"}</h2>\n';
    expect(parseBlocks(body)).toEqual([{ id: 'a', kind: 'heading', text: 'A' }]);
  });

  it('fails on a block line it cannot read, naming the file and line', () => {
    expect(() => parseBlocks('\n<p id="p-1">Plain text</p>', 'x.mdx')).toThrow(
      /x\.mdx, body line 2: expected <p id="…">/,
    );
  });
});
