import { createHash } from 'node:crypto';

/** The one slug rule: lowercase words joined by hyphens, accents dropped, other scripts kept. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    // Accents on Latin letters only: marks are part of the letter in other scripts (й, हि).
    .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut
    .slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength)
    .replace(/-+$/, '');
}

/** Adds -2, -3, ... until the candidate is not taken. */
export function unique(candidate: string, taken: ReadonlySet<string>): string {
  if (!taken.has(candidate)) return candidate;
  for (let n = 2; ; n++) if (!taken.has(`${candidate}-${n}`)) return `${candidate}-${n}`;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The anchor of a paragraph: a short hash of its own text, so it survives edits elsewhere in the
 * document. Whitespace is collapsed first; six hex digits make collisions in one document rare,
 * and `unique` settles the rest in document order. */
export function paragraphId(text: string): string {
  return `p-${sha256(text.normalize('NFC').replace(/\s+/g, ' ').trim()).slice(0, 6)}`;
}

/** The anchor of a section heading: its own words, readable in a shared link. */
export function headingId(text: string): string {
  return slugify(text, 60) || 'section';
}
