import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRedirectPage } from '../../../src/urls/record.ts';
import { recordedPageNumbers } from '../../../src/urls/redirects.ts';
import { buildIn, scratchProject } from '../../helpers/scratch-build.ts';

// A page of where the documents name an entity, once published, keeps answering when the entity
// no longer fills it (a document removed, longer pages): it sends readers to the entity's last
// page. Checked on a scratch copy whose URL record holds page 3 of an entity that has one page.

const scratch = scratchProject('vanished-pages');
afterAll(() => scratch.remove());

describe('a recorded mention page the entity no longer fills', { timeout: 600_000 }, () => {
  it('redirects, instantly, to the last page there is', () => {
    const recordFile = join(scratch.dir, 'src/urls/published.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { urls: string[] };
    record.urls.push('/entities/kazakhstan/mentions/3/');
    writeFileSync(recordFile, JSON.stringify(record));
    expect(recordedPageNumbers(record.urls, '/entities/', 'mentions').get('kazakhstan')).toEqual([
      3,
    ]);

    buildIn(scratch.dir);
    const html = readFileSync(
      join(scratch.dir, 'dist/entities/kazakhstan/mentions/3/index.html'),
      'utf8',
    );
    expect(isRedirectPage(html)).toBe(true);
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/entities/kazakhstan/">');
    expect(html).toContain('<a href="/entities/kazakhstan/">');
    // Pages the entity fills are untouched: NATO's second page is a page, not a redirect.
    const nato = readFileSync(
      join(scratch.dir, 'dist/entities/nato/mentions/2/index.html'),
      'utf8',
    );
    expect(isRedirectPage(nato)).toBe(false);
  });
});
