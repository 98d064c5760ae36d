import { stringify } from 'yaml';
import { parseFrontmatter, splitEntry } from '../lib/documents-loader/entry-file.ts';
import { documentSchema, type DocumentData } from '../content/schema.ts';
import { refuse } from './refusal.ts';
import type { Block } from './structure.ts';
import { headingId, paragraphId, unique } from './ids.ts';

export interface AnchoredBlock extends Block {
  id: string;
}

/** Gives every heading and paragraph its stable id, resolving collisions in document order. */
export function anchor(blocks: Block[]): AnchoredBlock[] {
  const taken = new Set<string>();
  return blocks.map((b) => {
    const id = unique(b.kind === 'heading' ? headingId(b.text) : paragraphId(b.text), taken);
    taken.add(id);
    return { ...b, id };
  });
}

/** A JavaScript string literal that MDX shows as plain text: nothing in it is Markdown, JSX or
 * HTML. Braces and angle brackets are written as escapes so no parser can mistake them for syntax. */
export function textLiteral(text: string): string {
  return JSON.stringify(text).replace(
    /[{}<>]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function renderBody(blocks: AnchoredBlock[], sourceFile: string): string {
  const lines = [
    `{/* Written by \`npm run ingest\` from sources/${sourceFile.replace(/\*\//g, '* /')}. The text is the source's own: edit the frontmatter, not this body. */}`,
  ];
  for (const b of blocks) {
    const tag = b.kind === 'heading' ? 'h2' : 'p';
    lines.push(`<${tag} id="${b.id}">{${textLiteral(b.text)}}</${tag}>`);
  }
  return lines.join('\n\n') + '\n';
}

/** Validates the data against the collection's schema; a problem is refused naming the field. */
export function validate(data: unknown, file: string): DocumentData {
  const result = documentSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    refuse(`${file}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return result.data;
}

export function renderEntry(data: DocumentData, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0, version: '1.1' })}---\n\n${body}`;
}

// YAML 1.1 (what Astro reads frontmatter as) quotes 2010-04-26 so it stays a string, not a Date.
/** Reads an entry written by renderEntry (or edited by hand) into its frontmatter and body, as
 * the build reads it (src/lib/documents-loader/); without frontmatter, `data` is undefined. */
export function parseEntry(text: string, file = 'entry'): { data: unknown; body: string } {
  const entry = splitEntry(text);
  if (!entry) return { data: undefined, body: text };
  return { data: parseFrontmatter(entry.front, file), body: entry.body };
}

/** The ids of the headings and paragraphs in an entry body. */
export function bodyIds(body: string): string[] {
  return [...body.matchAll(/^<(?:p|h2) id="([^"]+)">/gm)].map((m) => m[1]!);
}

/** Keeps what an editor owns: fields marked editorial, editorial summaries and key points, and
 * topics (only editors set them). Everything else comes fresh from the source. */
export function keepEditorial(
  fresh: DocumentData,
  existing: DocumentData | undefined,
): DocumentData {
  if (!existing) return fresh;
  const merged: DocumentData = { ...fresh, topics: existing.topics };
  if (existing.titleOrigin === 'editorial') {
    merged.title = existing.title;
    merged.titleOrigin = existing.titleOrigin;
    if (existing.titleNote) merged.titleNote = existing.titleNote;
    else delete merged.titleNote;
  }
  if (existing.typeOrigin === 'editorial') {
    merged.type = existing.type;
    merged.typeOrigin = existing.typeOrigin;
    merged.typeEvidence = existing.typeEvidence;
  }
  if (existing.publisher?.origin === 'editorial') merged.publisher = existing.publisher;
  if (existing.published?.origin === 'editorial') merged.published = existing.published;
  if (existing.authors.some((a) => a.origin === 'editorial')) merged.authors = existing.authors;
  if (existing.summary.by === 'editorial') merged.summary = existing.summary;
  if (existing.keyPoints.by === 'editorial') merged.keyPoints = existing.keyPoints;
  return orderFields(merged);
}

const FIELD_ORDER = Object.keys(documentSchema.shape);

/** Frontmatter keys in schema order, so entries diff cleanly and re-ingest is byte-identical. */
export function orderFields(data: DocumentData): DocumentData {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = (data as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  return ordered as DocumentData;
}
