/**
 * The text of a document entry, read back from its MDX body. The ingest writes every heading and
 * paragraph as one line, `<h2 id="slug">{"…"}</h2>` or `<p id="p-xxxxxx">{"…"}</p>`, whose
 * braces hold a JSON string literal; anything else in the body (the generated comment, blank
 * lines) is not text.
 */

export interface Block {
  /** The element id, which is also the anchor a link to the block uses. */
  id: string;
  kind: 'heading' | 'paragraph';
  text: string;
}

const LINE = /^<(p|h2) id="([^"]+)">\{("(?:[^"\\]|\\.)*")\}<\/\1>$/;

/** The headings and paragraphs of an entry body, in order. A line that looks like a block but
 * does not parse is an error naming the line, so a hand edit cannot silently drop text. */
export function parseBlocks(body: string, file = 'entry body'): Block[] {
  const blocks: Block[] = [];
  body.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (!/^<(p|h2)[\s>]/.test(trimmed)) return;
    const match = LINE.exec(trimmed);
    if (!match) {
      throw new Error(
        `${file}, body line ${index + 1}: expected <p id="…">{"…"}</p> or <h2 id="…">{"…"}</h2>; write the text as one JSON string literal`,
      );
    }
    const [, tag, id, literal] = match;
    blocks.push({
      id: id!,
      kind: tag === 'h2' ? 'heading' : 'paragraph',
      text: JSON.parse(literal!) as string,
    });
  });
  return blocks;
}
