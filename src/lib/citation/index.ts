import { SITE } from '../../config/site.ts';
import type { DocumentEntry } from '../documents.ts';
import { canonicalUrl, paths } from '../urls.ts';
import { documentCardImage } from '../cards/index.ts';
import type { CardImage } from '../cards/paths.ts';
import { bibtex } from './bibtex.ts';
import { highlight } from './highlight.ts';
import { highwireTags, type MetaTag } from './highwire.ts';
import { jsonLd } from './jsonld.ts';
import { citationRecord, type CitationRecord } from './record.ts';
import { ris } from './ris.ts';
import { apa, chicago, type Run } from './styles.ts';

/**
 * Everything a document page shows or declares about how to cite it: the formatted citations,
 * the BibTeX and RIS blocks with their highlighting, the JSON-LD, the Highwire tags and the
 * link-preview card.
 */
export interface DocumentCitation {
  record: CitationRecord;
  chicago: Run[];
  apa: Run[];
  bibtex: { code: string; html: string };
  ris: { code: string; html: string };
  /** Colors of the highlighted blocks, for a `<style>` in the head. */
  codeCss: string;
  jsonLd: Record<string, unknown>;
  highwire: MetaTag[];
  card: CardImage;
}

/** The class that scopes the highlighted blocks' colors. */
export const CODE_CLASS = 'cite-code';

async function compute(doc: DocumentEntry): Promise<DocumentCitation> {
  const { data } = doc;
  const url = canonicalUrl(paths.document(doc.id));
  const record = citationRecord(data, { id: doc.id, url, siteName: SITE.name });
  const card = documentCardImage(doc.id, data);
  const codes = { bibtex: bibtex(record), ris: ris(record) };
  const highlighted = await highlight(
    [
      { lang: 'bibtex', code: codes.bibtex },
      { lang: 'ris', code: codes.ris },
    ],
    `.${CODE_CLASS}`,
  );
  return {
    record,
    chicago: chicago(record),
    apa: apa(record),
    bibtex: { code: codes.bibtex, html: highlighted.html[0]! },
    ris: { code: codes.ris, html: highlighted.html[1]! },
    codeCss: highlighted.css,
    jsonLd: jsonLd(record, {
      description: data.standfirst ?? data.summary.text,
      image: canonicalUrl(card.path),
      siteUrl: canonicalUrl(paths.home),
      source: data.source,
    }),
    highwire: highwireTags(record),
    card,
  };
}

/** Worked out when asked, not kept: only the document's own page asks, once a build, and kept
 * for every document the citations were held to the end of the build (85 MB at 10,000). */
export function citationFor(doc: DocumentEntry): Promise<DocumentCitation> {
  return compute(doc);
}
