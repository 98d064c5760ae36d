import type { APIRoute } from 'astro';
import { SITE } from '../config/site';
import { statedDay, summaryText } from '../lib/citation/record';
import { getDocuments } from '../lib/documents';
import { typeLabel } from '../lib/labels';
import { PER_PAGE, firstPage } from '../lib/pagination';
import { canonicalUrl, paths } from '../lib/urls';

// JSON Feed 1.1 of the newest documents (PER_PAGE.feed of them): title, link, summary. As in the RSS feed, a
// date only where the source states the day, and authors only where it names them.

export const GET: APIRoute = async () => {
  const docs = firstPage(await getDocuments('newest'), PER_PAGE.feed);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: SITE.name,
    home_page_url: canonicalUrl(paths.home),
    feed_url: canonicalUrl('feed.json'),
    description: SITE.description,
    language: SITE.language,
    items: docs.map((doc) => {
      const { data } = doc;
      const url = canonicalUrl(paths.document(doc.id));
      const day = statedDay(data.published);
      const authors = data.authors.flatMap((a) => (a.name ? [{ name: a.name }] : []));
      const pad = (n: number) => String(n).padStart(2, '0');
      return {
        id: url,
        url,
        title: data.title,
        summary: summaryText(data.summary),
        content_text: summaryText(data.summary),
        ...(day
          ? { date_published: `${day.year}-${pad(day.month)}-${pad(day.day)}T00:00:00Z` }
          : {}),
        ...(authors.length > 0 ? { authors } : {}),
        tags: [typeLabel(data.type)],
        language: data.language,
      };
    }),
  };
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
