import type { APIRoute } from 'astro';
import { SITE } from '../config/site';
import { statedDay, summaryText } from '../lib/citation/record';
import { getDocuments } from '../lib/documents';
import { typeLabel } from '../lib/labels';
import { PER_PAGE, firstPage } from '../lib/pagination';
import { canonicalUrl, paths } from '../lib/urls';

// RSS 2.0 of the newest documents (PER_PAGE.feed of them): title, link, summary. A document gets a pubDate only
// when its source states the day (RSS has no form for "autumn 2006" or "about 2014").

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 for a calendar day, at midnight UTC: "Mon, 26 Apr 2010 00:00:00 GMT". */
function rfc822(day: { year: number; month: number; day: number }): string {
  const weekday = DAYS[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()];
  const dd = String(day.day).padStart(2, '0');
  return `${weekday}, ${dd} ${MONTHS[day.month - 1]} ${day.year} 00:00:00 GMT`;
}

export const GET: APIRoute = async () => {
  const docs = firstPage(await getDocuments('newest'), PER_PAGE.feed);
  const self = canonicalUrl('feed.xml');
  const items = docs.map((doc) => {
    const { data } = doc;
    const url = canonicalUrl(paths.document(doc.id));
    const day = statedDay(data.published);
    const authors = data.authors.flatMap((a) => (a.name ? [a.name] : []));
    return [
      '    <item>',
      `      <title>${escapeXml(data.title)}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      <description>${escapeXml(summaryText(data.summary))}</description>`,
      ...authors.map((name) => `      <dc:creator>${escapeXml(name)}</dc:creator>`),
      `      <category>${escapeXml(typeLabel(data.type))}</category>`,
      ...(day ? [`      <pubDate>${rfc822(day)}</pubDate>`] : []),
      '    </item>',
    ].join('\n');
  });
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(SITE.name)}</title>`,
    `    <link>${escapeXml(canonicalUrl(paths.home))}</link>`,
    `    <description>${escapeXml(SITE.description)}</description>`,
    `    <language>${escapeXml(SITE.language)}</language>`,
    `    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
