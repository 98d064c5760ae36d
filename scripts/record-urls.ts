import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../src/archive/archive.ts';
import { SITE } from '../src/config/site.ts';
import { currentDocuments, readRecord } from '../src/urls/redirects.ts';
import { recordUrls } from '../src/urls/record.ts';

/** `npm run urls:record`: after `npm run build`, adds every URL the site now publishes to
 * src/urls/published.json (commit it). The URL tests then hold the site to it. */

const RECORD = 'src/urls/published.json';
const files = listFiles(process.env.SITE_DIST ?? 'dist').map((p) => ({
  path: p,
  ...(p.endsWith('.html')
    ? { html: readFileSync(path.join(process.env.SITE_DIST ?? 'dist', p), 'utf8') }
    : {}),
}));
const before = readRecord(RECORD);
const after = recordUrls(before, files, currentDocuments('src/content/documents'), SITE.base);
writeFileSync(RECORD, JSON.stringify(after, null, 2) + '\n');
console.log(`${RECORD}: ${after.urls.length} URLs (${after.urls.length - before.urls.length} new)`);
