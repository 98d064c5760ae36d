import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { frontmatterField } from '../../../src/lib/documents-loader/entry-file.ts';
import {
  currentDocuments,
  followRenames,
  slugRedirects,
  sourceFileOf,
} from '../../../src/urls/redirects.ts';
import {
  documentAnchors,
  isPublishedFile,
  isRedirectPage,
  recordUrls,
  urlOf,
} from '../../../src/urls/record.ts';

const root = new URL('../../..', import.meta.url).pathname;
const documents = currentDocuments(`${root}src/content/documents`);

describe('redirects for changed slugs', () => {
  it('reads each entry’s source file from its frontmatter', () => {
    expect(documents['renewing-central-asian-partnerships']).toBe('001_e192a8cb92983cd9.txt');
    expect(Object.keys(documents)).toHaveLength(5);
  });

  it('reads the source file from its one line as YAML would read the whole block', () => {
    const dir = `${root}src/content/documents/`;
    const texts = readdirSync(dir)
      .filter((n) => n.endsWith('.mdx'))
      .map((n) => readFileSync(dir + n, 'utf8'));
    const full = (text: string) => (frontmatterField(text, 'source') as { file: string }).file;
    const variants = texts.flatMap((text) => {
      const file = full(text);
      return [
        text,
        // Names YAML writes quoted, and a hand edit that put a comment first.
        text.replace(`  file: ${file}`, `  file: 'it''s: ${file}'`),
        text.replace(`  file: ${file}`, `  file: "#${file}"`),
        text.replace(
          `source:\n  file: ${file}\n`,
          `source:\n  # checked by hand\n  file: ${file}\n`,
        ),
      ];
    });
    expect(variants).toHaveLength(texts.length * 4);
    for (const text of variants) expect(sourceFileOf(text)).toBe(full(text));
  });

  it('a renamed document redirects from its recorded slug to its new one', () => {
    const renamed = { ...documents };
    renamed['nato-and-central-asia'] = renamed['renewing-central-asian-partnerships']!;
    delete renamed['renewing-central-asian-partnerships'];
    expect(slugRedirects(documents, renamed)).toEqual({
      '/documents/renewing-central-asian-partnerships/': '/documents/nato-and-central-asia/',
    });
  });

  it('no redirect while every recorded slug still exists, or when a source is gone', () => {
    expect(slugRedirects(documents, documents)).toEqual({});
    const withoutOne = { ...documents };
    delete withoutOne['renewing-central-asian-partnerships'];
    expect(slugRedirects(documents, withoutOne)).toEqual({});
  });
});

describe('editorial data after a rename', () => {
  it('reads an old slug in a document: field as the new one, and nothing else', () => {
    const yamlText = readFileSync(`${root}src/content/timeline/events.yaml`, 'utf8');
    const renamed = new Map([['renewing-central-asian-partnerships', 'nato-in-central-asia']]);
    const after = followRenames(yamlText, renamed);
    expect(after).not.toContain('document: renewing-central-asian-partnerships');
    expect(after).toContain('document: nato-in-central-asia');
    expect(after.replaceAll('nato-in-central-asia', 'renewing-central-asian-partnerships')).toBe(
      yamlText,
    );
  });
});

describe('recording published URLs', () => {
  const page = `<main><div class="text"><h2 id="post-9-11-engagement">x</h2><p id="p-eabb9b">y <a href="/entities/nato/">NATO</a></p></div><section><h2 id="about-heading">About</h2></section></main>`;

  it('finds the shareable anchors of a document body, not of its panels', () => {
    expect(documentAnchors(page)).toEqual(['post-9-11-engagement', 'p-eabb9b']);
  });

  it('records pages, feeds and images, with the anchors of document pages; not hashed assets', () => {
    const record = recordUrls(
      { documents: {}, urls: ['/old-page/'] },
      [
        { path: 'index.html', html: '<main></main>' },
        { path: 'documents/renewing-central-asian-partnerships/index.html', html: page },
        { path: 'feed.xml' },
        { path: '_astro/documents.B4cRERjY.css' },
        { path: 'pagefind/pagefind.js' },
        { path: 'moved/index.html', html: '<meta http-equiv="refresh" content="0;url=/x/">' },
      ],
      { 'renewing-central-asian-partnerships': '001_e192a8cb92983cd9.txt' },
      '/',
    );
    expect(record.urls).toEqual([
      '/',
      '/documents/renewing-central-asian-partnerships/',
      '/documents/renewing-central-asian-partnerships/#p-eabb9b',
      '/documents/renewing-central-asian-partnerships/#post-9-11-engagement',
      '/feed.xml',
      '/old-page/',
    ]);
    expect(record.documents).toEqual({
      'renewing-central-asian-partnerships': '001_e192a8cb92983cd9.txt',
    });
  });

  it('helpers', () => {
    expect(urlOf('documents/x/index.html', '/b/')).toBe('/b/documents/x/');
    expect(isPublishedFile('_astro/x.css')).toBe(false);
    expect(isPublishedFile('cards/x.png')).toBe(true);
    expect(isRedirectPage(readFileSync(`${root}src/urls/redirects.json`, 'utf8'))).toBe(false);
  });
});
