import { isSentence, words, type CleanedDocument, type SourceLine } from './clean.ts';

export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
  /** Source line numbers the block was made from. */
  lines: number[];
}

export interface StructuredDocument {
  /** The headline, when the source has one. */
  title?: { text: string; line: number };
  /** The one-sentence deck under the headline, when the page has one. */
  standfirst?: { text: string; line: number };
  /** The document's text in reading order. */
  blocks: Block[];
}

/** Longest line that can still be a headline or a section heading, in words. */
const MAX_HEADLINE_WORDS = 20;
const MAX_HEADING_WORDS = 10;

function isHeadlineLike(text: string): boolean {
  return words(text) <= MAX_HEADLINE_WORDS && !isSentence(text) && !/[,;:]$/.test(text.trim());
}

/** A section heading: a short line that does not end like prose, above a paragraph. */
function isHeading(text: string, next: string | undefined): boolean {
  const t = text.trim();
  return (
    next !== undefined &&
    words(t) <= MAX_HEADING_WORDS &&
    !/[.,;:!?…"”’)]$/.test(t) &&
    /^[\p{Lu}\d]/u.test(t) &&
    !/^[-*•]\s/.test(t) &&
    words(next) > words(t) * 2
  );
}

/** Splits lines into paragraphs. Sources put a paragraph on each line, or hard-wrap paragraphs
 * at a fixed width with blank lines between them; wrapped blocks are joined back together. */
function paragraphsOf(lines: SourceLine[]): Array<{ text: string; lines: number[] }> {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(l);
    }
  }
  if (current.length) blocks.push(current);

  const out: Array<{ text: string; lines: number[] }> = [];
  for (const block of blocks) {
    if (isWrapped(block)) {
      out.push({
        text: block.map((l) => l.text.trim()).join(' '),
        lines: block.map((l) => l.line),
      });
    } else {
      for (const l of block) out.push({ text: l.text.trim(), lines: [l.line] });
    }
  }
  return out;
}

/** A block of lines broken at a fixed width: every line but the last is 40 to 100 characters
 * long and does not end a sentence where the next begins a new one. */
function isWrapped(block: SourceLine[]): boolean {
  if (block.length < 2) return false;
  const body = block.slice(0, -1);
  return (
    body.every((l) => l.text.trim().length >= 40 && l.text.trim().length <= 100) &&
    block.every((l) => l.text.trim().length <= 100) &&
    body.some(
      (l, i) => !/[.!?:]["”’)]?$/.test(l.text.trim()) || /^\p{Ll}/u.test(block[i + 1]!.text.trim()),
    )
  );
}

/** The block a line opens: the line and the non-blank lines directly below it. */
function blockFrom(lines: SourceLine[], start: SourceLine): SourceLine[] {
  const block = [start];
  for (const l of lines.slice(lines.indexOf(start) + 1)) {
    if (l.text.trim() === '' || l.line !== block[block.length - 1]!.line + 1) break;
    block.push(l);
  }
  return block;
}

/** Finds the headline, standfirst, section headings and paragraphs of a cleaned document. */
export function structure(doc: CleanedDocument): StructuredDocument {
  const nonBlank = doc.lines.filter((l) => l.text.trim() !== '');
  let title: StructuredDocument['title'];
  let standfirst: StructuredDocument['standfirst'];
  const consumed = new Set<number>();

  const first = nonBlank[0];
  // The first line of a hard-wrapped paragraph is not a headline.
  if (first && isHeadlineLike(first.text) && !isWrapped(blockFrom(doc.lines, first))) {
    const next = nonBlank[1];
    // A headline is followed by something longer, or by nothing (a file that is only a headline);
    // a lone short line above a short line is a heading.
    if (first.line <= doc.headerEnd || !next || words(next.text) > words(first.text)) {
      title = { text: first.text.trim(), line: first.line };
      consumed.add(first.line);
    }
  }
  if (title) {
    const candidate = nonBlank.find((l) => !consumed.has(l.line));
    if (
      candidate &&
      candidate.line < doc.headerEnd &&
      isSentence(candidate.text) &&
      words(candidate.text) <= 40
    ) {
      standfirst = { text: candidate.text.trim(), line: candidate.line };
      consumed.add(candidate.line);
    }
  }

  const paragraphs = paragraphsOf(doc.lines.filter((l) => !consumed.has(l.line)));
  const blocks: Block[] = paragraphs.map((p, i) => ({
    kind: isHeading(p.text, paragraphs[i + 1]?.text) ? 'heading' : 'paragraph',
    text: p.text,
    lines: p.lines,
  }));
  return { title, standfirst, blocks };
}
