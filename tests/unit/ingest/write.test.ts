import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../src/content/schema.ts';
import { headingId, paragraphId, slugify, unique } from '../../../src/ingest/ids.ts';
import type { Block } from '../../../src/ingest/structure.ts';
import { anchor, bodyIds, parseEntry, textLiteral } from '../../../src/ingest/write.ts';
import {
  pipeline,
  SOURCE_KEYS,
  sourcePipeline,
  sourceText,
  utf8,
  ingestSource,
} from './helpers.ts';

/** A line of an entry body that shows one block: `<p id="...">{"..."}</p>` or the same with h2. */
const BLOCK_LINE = /^<(p|h2) id="([^"]+)">\{("(?:[^"\\]|\\.)*")\}<\/\1>$/;

/** The blocks an entry body shows, read back from their string literals. */
function readBody(body: string): Array<{ tag: string; id: string; literal: string; text: string }> {
  const [comment, ...rest] = body.split('\n').filter((l) => l !== '');
  expect(comment).toMatch(/^\{\/\* Written by `npm run ingest` from sources\/.+ \*\/\}$/);
  return rest.map((line) => {
    const m = line.match(BLOCK_LINE);
    if (!m) throw new Error(`not a block line: ${line}`);
    return { tag: m[1]!, id: m[2]!, literal: m[3]!, text: JSON.parse(m[3]!) as string };
  });
}

// The NATO Review article, with text that means something to MDX, JSX, Markdown or HTML: in a real
// paragraph, and on lines of their own that MDX would read as ESM, frontmatter, comments or script.
const HOSTILE_PARAGRAPH =
  sourceText('natoReview').split('\n')[44]! +
  ' Costs {estimated} at <$5bn> *per* _year_ # [see](javascript:alert(1)) | a | b | C:\\temp\\ `code` ~strike~ &amp; &lt;b&gt; {/* note */} </p><p>';
const HOSTILE_LINES = [
  'import NatoReview from "../../layouts/Article.astro";',
  'export const frontmatter = { title: "Replaced" };',
  '---',
  '<!-- The rest of this article is hidden -->',
  '<script>alert(1)</script>',
];

function hostileSource(): string {
  const lines = sourceText('natoReview').split('\n');
  lines[44] = HOSTILE_PARAGRAPH;
  lines.splice(43, 0, ...HOSTILE_LINES.flatMap((l) => [l, '']));
  return lines.join('\n');
}

function hostileEntry(): string {
  const outcome = ingestSource(utf8(hostileSource()), 'hostile.txt', []);
  if (outcome.status !== 'ingested') throw new Error(`expected ingested, got ${outcome.status}`);
  return outcome.entry;
}

describe('write: text that MDX, JSX, Markdown or HTML would read survives as text', () => {
  it('has no raw script tag anywhere in the entry', () => {
    const entry = hostileEntry();
    expect(hostileSource()).toContain('<script>alert(1)</script>');
    expect(entry).not.toMatch(/<script/i);
    expect(entry).not.toMatch(/<!--/);
  });

  it('every body line is a block whose string literal holds no brace or angle bracket', () => {
    const { body } = parseEntry(hostileEntry());
    for (const block of readBody(body)) {
      expect(block.literal).not.toMatch(/[{}<>]/);
      // Outside the literal, only the block's own markup.
      expect(body).toContain(`<${block.tag} id="${block.id}">{${block.literal}}</${block.tag}>`);
    }
    const skeleton = body.replace(/\{"(?:[^"\\]|\\.)*"\}/g, '{}');
    const markup = skeleton.split('\n').filter((l) => l !== '' && !l.startsWith('{/*'));
    for (const line of markup) expect(line).toMatch(/^<(p|h2) id="[a-z0-9-]+">\{\}<\/\1>$/);
  });

  it('parsing the string literals gives back exactly the original text', () => {
    const { body } = parseEntry(hostileEntry());
    const texts = readBody(body).map((b) => b.text);
    for (const line of [...HOSTILE_LINES, HOSTILE_PARAGRAPH]) {
      expect(texts.filter((t) => t === line)).toEqual([line]);
    }
    expect(texts).toEqual(pipeline(hostileSource()).doc.blocks.map((b) => b.text));
  });

  it('no body line starts like ESM, frontmatter or an HTML comment', () => {
    const { body } = parseEntry(hostileEntry());
    for (const line of body.split('\n')) {
      expect(line).not.toMatch(/^(import|export)\b/);
      expect(line).not.toMatch(/^(---|<!--|<script)/);
    }
    // Only the frontmatter's own two fences.
    expect(
      hostileEntry()
        .split('\n')
        .filter((l) => l === '---'),
    ).toHaveLength(2);
  });

  it('a hostile headline and furniture survive the YAML frontmatter', () => {
    const lines = sourceText('natoReview').split('\n');
    const title = 'Renewing Partnerships: {props.x} <script>alert(1)</script> # --- key: "value"';
    lines[1] = title;
    lines[0] = '--- Reports';
    const outcome = ingestSource(utf8(lines.join('\n')), 'hostile-title.txt', []);
    if (outcome.status !== 'ingested') throw new Error(outcome.status);
    const data = documentSchema.parse(parseEntry(outcome.entry).data);
    expect(data.title).toBe(title);
    expect(data.source.omitted[0]).toMatchObject({ line: 1, text: '--- Reports' });
    expect(outcome.entry.split('\n').filter((l) => l === '---')).toHaveLength(2);
  });

  it.each(SOURCE_KEYS)('%s: textLiteral round-trips every real block', (key) => {
    for (const block of sourcePipeline(key).doc.blocks) {
      const literal = textLiteral(block.text);
      expect(literal).not.toMatch(/[{}<>]/);
      expect(JSON.parse(literal)).toBe(block.text);
    }
  });
});

describe('ids: paragraph and heading anchors', () => {
  const blocks = sourcePipeline('natoReview').doc.blocks;

  it('gives headings readable ids and paragraphs short hashes of their own text', () => {
    const ids = anchor(blocks);
    expect(ids.filter((b) => b.kind === 'heading').map((b) => b.id)).toEqual([
      'post-9-11-engagement',
      'andijan-effect',
      'building-a-nato-sco-dialogue',
    ]);
    for (const b of ids.filter((x) => x.kind === 'paragraph')) {
      expect(b.id).toBe(paragraphId(b.text));
      expect(b.id).toMatch(/^p-[0-9a-f]{6}$/);
    }
    expect(new Set(ids.map((b) => b.id)).size).toBe(blocks.length);
  });

  it('keeps every other id when one paragraph changes, or one is added', () => {
    const before = anchor(blocks).map((b) => b.id);
    const i = blocks.findIndex((b) => b.text.startsWith('NATO officials have encouraged'));
    const edited: Block[] = blocks.map((b, j) =>
      j === i ? { ...b, text: b.text.replace('political as well as', 'political and') } : b,
    );
    const after = anchor(edited).map((b) => b.id);
    expect(after.filter((id, j) => id !== before[j])).toEqual([after[i]]);
    expect(after[i]).not.toBe(before[i]);

    const added = anchor([
      { kind: 'paragraph', text: 'A new first paragraph.', lines: [4] },
      ...blocks,
    ]);
    expect(added.slice(1).map((b) => b.id)).toEqual(before);
  });

  it('resolves collisions in document order with -2, -3', () => {
    const paragraph = blocks.find((b) => b.kind === 'paragraph')!;
    const heading = blocks.find((b) => b.kind === 'heading')!;
    const ids = anchor([paragraph, heading, paragraph, heading, paragraph]).map((b) => b.id);
    const p = paragraphId(paragraph.text);
    expect(ids).toEqual([p, 'post-9-11-engagement', `${p}-2`, 'post-9-11-engagement-2', `${p}-3`]);
  });

  it('does not depend on how the paragraph was wrapped or normalized', () => {
    const text = blocks.find((b) => b.text.includes('communiqué'))!.text;
    expect(paragraphId(text.replace(/ /g, '\n'))).toBe(paragraphId(text));
    expect(paragraphId(`  ${text}  `)).toBe(paragraphId(text));
    expect(paragraphId(text.normalize('NFD'))).toBe(paragraphId(text));
    expect(paragraphId(text.replace('communiqué', 'communique'))).not.toBe(paragraphId(text));
  });

  it('bodyIds lists the ids of a written body in order', () => {
    const anchored = anchor(blocks);
    const outcome = ingestSource(utf8(sourceText('natoReview')), 'n.txt', []);
    if (outcome.status !== 'ingested') throw new Error(outcome.status);
    expect(bodyIds(parseEntry(outcome.entry).body)).toEqual(anchored.map((b) => b.id));
  });

  it('headingId falls back to "section" for a heading without letters or digits', () => {
    expect(headingId('— * —')).toBe('section');
    expect(headingId('Post-9/11 engagement')).toBe('post-9-11-engagement');
  });
});

describe('ids: slugs', () => {
  it.each([
    ['Renewing Central Asian Partnerships', 'renewing-central-asian-partnerships'],
    [
      'How Can Central Asia Move Toward Security Integration?',
      'how-can-central-asia-move-toward-security-integration',
    ],
    ['Central Asia’s Security: The Experts’ Group', 'central-asias-security-the-experts-group'],
    ['Ōsaka Café – Ünïcödé Résumé', 'osaka-cafe-unicode-resume'],
    ['Доклад о безопасности 2024', 'доклад-о-безопасности-2024'],
    ['Бишкекский форум: российская позиция', 'бишкекский-форум-российская-позиция'],
    ['中亚安全合作', '中亚安全合作'],
    ['सुरक्षा सहयोग', 'सुरक्षा-सहयोग'],
    ['  -- ! --  ', ''],
  ])('slugify(%j) is %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slugify(title.normalize('NFD'))).toBe(slug);
  });

  it('cuts a long title at a word boundary, within the limit', () => {
    const sentence = sourceText('eastWest').split('\n')[4]!;
    const full = slugify(sentence, 10_000);
    expect(full.length).toBeGreaterThan(200);
    for (const max of [80, 60, 41]) {
      const slug = slugify(sentence, max);
      expect(slug.length).toBeLessThanOrEqual(max);
      expect(slug.length).toBeGreaterThan(20);
      expect(full.startsWith(slug)).toBe(true);
      expect(full[slug.length]).toBe('-');
    }
    expect(slugify(sentence)).toBe(
      'an-experts-group-on-euro-atlantic-security-convened-by-the-eastwest-institute',
    );
  });

  it('cuts a long word-less run (a script without spaces) at the limit', () => {
    const long = '中亚安全合作'.repeat(20);
    expect(slugify(long)).toBe(long.slice(0, 80));
  });

  it('unique adds -2, -3 until the slug is free', () => {
    expect(unique('andijan-effect', new Set())).toBe('andijan-effect');
    expect(unique('andijan-effect', new Set(['andijan-effect']))).toBe('andijan-effect-2');
    expect(unique('andijan-effect', new Set(['andijan-effect', 'andijan-effect-2']))).toBe(
      'andijan-effect-3',
    );
  });
});
