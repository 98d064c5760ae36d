import type { DocumentType } from '../../content/schema.ts';
import type { CitationRecord, CitedDate, CitedName } from './record.ts';

/**
 * schema.org JSON-LD for a document page. The object is the document itself, found at this
 * page: its own publisher, date (ISO 8601 at the precision it is known: 2010-04-26, 2006, 2024)
 * and authors (only those the source names), `isBasedOn` the source file it was read from
 * (identified by its SHA-256, since the file is not published), and `isPartOf` this site.
 */

const SCHEMA_TYPES: Record<DocumentType, string> = {
  'policy-report': 'Report',
  'policy-brief': 'Report',
  'journal-article': 'ScholarlyArticle',
  'news-analysis': 'NewsArticle',
  commentary: 'Article',
  article: 'Article',
};

export function schemaType(type: DocumentType): string {
  return SCHEMA_TYPES[type];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 at the known precision: a season or an inferred date keeps only its year. */
export function isoDate(date: CitedDate): string {
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function person(name: CitedName): Record<string, string> {
  if (name.kind === 'organization') return { '@type': 'Organization', name: name.name };
  return {
    '@type': 'Person',
    name: name.full,
    ...(name.given ? { givenName: name.given } : {}),
    familyName: name.family,
  };
}

export interface JsonLdContext {
  /** The page's description (standfirst or summary). */
  description: string;
  /** Absolute URL of the page's card image. */
  image: string;
  /** Absolute URL of the site's front page. */
  siteUrl: string;
  source: { file: string; sha256: string; bytes: number };
}

export function jsonLd(r: CitationRecord, ctx: JsonLdContext): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': schemaType(r.type),
    '@id': `${r.url}#document`,
    url: r.url,
    mainEntityOfPage: r.url,
    headline: r.title,
    name: r.title,
    description: ctx.description,
    genre: r.typeLabel,
    inLanguage: r.language,
    image: ctx.image,
    ...(r.authors.length > 0 ? { author: r.authors.map(person) } : {}),
    ...(r.publisher ? { publisher: { '@type': 'Organization', name: r.publisher.name } } : {}),
    ...(r.date ? { datePublished: isoDate(r.date) } : {}),
    isBasedOn: {
      '@type': 'MediaObject',
      name: ctx.source.file,
      encodingFormat: 'text/plain',
      contentSize: `${ctx.source.bytes} bytes`,
      sha256: ctx.source.sha256,
    },
    isPartOf: { '@type': 'WebSite', name: r.siteName, url: ctx.siteUrl },
  };
}

/** JSON for a `<script type="application/ld+json">`: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
