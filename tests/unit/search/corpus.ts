import { documents, registry } from '../entities/corpus.ts';
import { documentMarkers } from '../../../src/lib/search/facets.ts';
import type { Anchor } from '../../../src/lib/search/passages.ts';
import type { OfflineIndex, OfflinePage } from '../../../src/lib/search/offline.ts';
import type { DocumentData } from '../../../src/content/schema.ts';

// The five real documents as Pagefind records them on their pages: the headline, the summary
// under its heading, the key points, then every heading and paragraph of the text with its id.

type Data = DocumentData & { topics: string[]; countries: string[] };

export function pageOf(doc: (typeof documents)[number]): OfflinePage {
  const data = doc.data as unknown as Data;
  const words: string[] = [];
  const anchors: Anchor[] = [];
  const push = (text: string) => words.push(...text.split(/\s+/).filter(Boolean));
  push(`${data.title}.`);
  if (data.standfirst) push(data.standfirst);
  anchors.push({ element: 'h2', id: 'summary-heading', text: 'Summary', location: words.length });
  push('Summary.');
  push(data.summary.text);
  push('Key points.');
  data.keyPoints.items.forEach(push);
  for (const block of doc.blocks) {
    anchors.push({
      element: block.kind === 'heading' ? 'h2' : 'p',
      id: block.id,
      ...(block.kind === 'heading' ? { text: block.text } : {}),
      location: words.length,
    });
    push(block.text);
  }
  const markers = documentMarkers({ id: doc.id, data }, registry);
  return {
    url: `/documents/${doc.id}/`,
    content: words.join(' '),
    anchors,
    meta: { title: data.title, ...markers.meta },
    filters: markers.filters as Record<string, string[]>,
    sort: markers.sort,
  };
}

export const index: OfflineIndex = { version: 1, pages: documents.map(pageOf) };

/** The id of the document whose id starts with `start`. */
export function urlOf(start: string): string {
  const page = index.pages.find((p) => p.url.startsWith(`/documents/${start}`));
  if (!page) throw new Error(`no document id starts with "${start}"`);
  return page.url;
}
