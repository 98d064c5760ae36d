/**
 * How results are ranked, for Pagefind (`pagefind.options({ ranking })`) and the offline search
 * alike. Pagefind's defaults favour short pages, which put entity pages that name a word once
 * above the documents that discuss it; with page length and term frequency at 0 a page ranks by
 * how often it uses the words (saturating), and a title that holds them lifts it: the entity
 * named by the query first, then the documents that use the words most.
 * See https://pagefind.app/docs/ranking/.
 */
export const RANKING = {
  termFrequency: 0,
  pageLength: 0,
  termSaturation: 1.4,
} as const;
