/**
 * A page as passages a result can link to: its headings and paragraphs with ids. Pagefind gives
 * a page's text as words and, for every element with an id, the word it starts at; the same
 * function cuts both Pagefind's pages (online) and the offline index into passages, so both
 * link to the same paragraphs.
 */

/** An element with an id, as Pagefind reports it (`anchors` in a result's data). */
export interface Anchor {
  /** Tag name: "h2", "p", "li". */
  element: string;
  id: string;
  /** Its own text (headings: the heading). */
  text?: string;
  /** Index, in the page's words, of the first word after the element starts. */
  location: number;
}

export interface Passage {
  /** The element's id; none for the text before the first id (the headline). */
  id?: string;
  /** Where it is, for a reader: "Andijan effect, paragraph 2", "Summary", "Paragraph 3". */
  label: string;
  /** Its words: [start, end) in the page's words. */
  start: number;
  end: number;
}

const HEADING = /^h[1-6]$/;

/** The words of a page's text, as Pagefind counts them (split on white space). */
export function splitWords(content: string): string[] {
  return content.split(/\s+/).filter(Boolean);
}

/**
 * Cuts `wordCount` words into passages at each anchor. A heading's label is its text; a
 * paragraph that follows a heading directly (nothing but the heading between them) belongs to
 * that heading's section and is numbered in it; other paragraphs are numbered from the start of
 * the text. Text after a heading that has no id of its own (a summary under "Summary") keeps the
 * heading's label.
 */
export function cutPassages(
  wordCount: number,
  anchors: readonly Anchor[],
  headline = 'Headline',
): Passage[] {
  const sorted = [...anchors]
    .filter((a) => a.id && a.location >= 0 && a.location <= wordCount)
    .sort((a, b) => a.location - b.location);
  const passages: Passage[] = [];
  const first = sorted[0]?.location ?? wordCount;
  if (first > 0) passages.push({ label: headline, start: 0, end: first });

  let section: string | undefined;
  let inSection = 0;
  let outside = 0;
  // True while the passages since the last heading are the heading alone and paragraphs.
  let sectionOpen = false;
  for (let i = 0; i < sorted.length; i++) {
    const anchor = sorted[i]!;
    const end = sorted[i + 1]?.location ?? wordCount;
    if (end <= anchor.location) continue;
    if (HEADING.test(anchor.element)) {
      section = anchor.text?.trim() || anchor.id;
      inSection = 0;
      const ownWords = anchor.text ? anchor.text.split(/\s+/).filter(Boolean).length : 0;
      // A heading followed by text without ids (a summary under its heading) closes its section
      // for the paragraphs after it.
      sectionOpen = end - anchor.location <= ownWords;
      passages.push({ id: anchor.id, label: section, start: anchor.location, end });
    } else if (sectionOpen && section) {
      inSection++;
      passages.push({
        id: anchor.id,
        label: `${section}, paragraph ${inSection}`,
        start: anchor.location,
        end,
      });
    } else {
      outside++;
      passages.push({ id: anchor.id, label: `Paragraph ${outside}`, start: anchor.location, end });
    }
  }
  return passages;
}

/** The passage that holds word `location`. Passages are in order and do not overlap. */
export function passageAt(passages: readonly Passage[], location: number): number {
  let lo = 0;
  let hi = passages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = passages[mid]!;
    if (location < p.start) hi = mid - 1;
    else if (location >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
