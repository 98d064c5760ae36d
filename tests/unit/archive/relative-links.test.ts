import { describe, expect, it } from 'vitest';
import { relativeUrl, relativizeCss, relativizeHtml } from '../../../src/archive/relative-links.ts';
import { manifest, sha256 } from '../../../src/archive/package.ts';
import { publishedUrl } from '../../../src/archive/warc.ts';

const files = new Set([
  'index.html',
  'documents/index.html',
  'documents/renewing-central-asian-partnerships/index.html',
  'entities/nato/index.html',
  'search/index.html',
  '_astro/documents.B4cRERjY.css',
  'cards/renewing-central-asian-partnerships.png',
]);
const exists = (p: string) => files.has(p);
const doc = 'documents/renewing-central-asian-partnerships/index.html';

describe('relative links for a copy opened from disk', () => {
  it('a folder link names its index.html, relative to the page', () => {
    expect(relativeUrl('/entities/nato/', doc, '/', exists)).toBe('../../entities/nato/index.html');
    expect(relativeUrl('/', doc, '/', exists)).toBe('../../index.html');
    expect(relativeUrl('/', 'index.html', '/', exists)).toBe('index.html');
  });

  it('keeps fragments and queries: paragraph links and searches work offline', () => {
    expect(
      relativeUrl(
        '/documents/renewing-central-asian-partnerships/#p-eabb9b',
        'index.html',
        '/',
        exists,
      ),
    ).toBe('documents/renewing-central-asian-partnerships/index.html#p-eabb9b');
    expect(relativeUrl('/search/?q=narcotics', doc, '/', exists)).toBe(
      '../../search/index.html?q=narcotics',
    );
    expect(relativeUrl('#p-eabb9b', doc, '/', exists)).toBe('#p-eabb9b');
  });

  it('a folder link without its slash still finds the index.html; files stay files', () => {
    expect(relativeUrl('/entities/nato', 'index.html', '/', exists)).toBe(
      'entities/nato/index.html',
    );
    expect(relativeUrl('/cards/renewing-central-asian-partnerships.png', doc, '/', exists)).toBe(
      '../../cards/renewing-central-asian-partnerships.png',
    );
  });

  it('leaves external, protocol-relative and out-of-base URLs alone', () => {
    expect(relativeUrl('https://briefing.example.org/', doc, '/', exists)).toBe(
      'https://briefing.example.org/',
    );
    expect(relativeUrl('//cdn.example/x.js', doc, '/', exists)).toBe('//cdn.example/x.js');
    expect(relativeUrl('/other/x/', doc, '/briefing/', exists)).toBe('/other/x/');
    expect(relativeUrl('/briefing/entities/nato/', doc, '/briefing/', exists)).toBe(
      '../../entities/nato/index.html',
    );
  });

  it('rewrites every URL attribute of a page, and url() in styles', () => {
    const html = `<link rel="canonical" href="https://briefing.example.org/x/"><link rel="stylesheet" href="/_astro/documents.B4cRERjY.css"><a href="/entities/nato/">NATO</a><form action="/search/"></form><img src="/cards/renewing-central-asian-partnerships.png" srcset="/cards/renewing-central-asian-partnerships.png 1x, /cards/renewing-central-asian-partnerships.png 2x"><meta http-equiv="refresh" content="0;url=/entities/nato/"><style>a{background:url(/cards/renewing-central-asian-partnerships.png)}</style>`;
    const out = relativizeHtml(html, doc, '/', exists);
    expect(out).toContain('href="https://briefing.example.org/x/"');
    expect(out).toContain('href="../../_astro/documents.B4cRERjY.css"');
    expect(out).toContain('href="../../entities/nato/index.html"');
    expect(out).toContain('action="../../search/index.html"');
    expect(out).toContain('src="../../cards/renewing-central-asian-partnerships.png"');
    expect(out).toContain(
      'srcset="../../cards/renewing-central-asian-partnerships.png 1x, ../../cards/renewing-central-asian-partnerships.png 2x"',
    );
    expect(out).toContain('content="0;url=../../entities/nato/index.html"');
    expect(out).toContain('url(../../cards/renewing-central-asian-partnerships.png)');
    expect(out).not.toMatch(/(href|src|action)="\/[^/]/);
  });

  it('rewrites a stylesheet relative to its own folder', () => {
    expect(
      relativizeCss('@font-face{src:url("/fonts/a.woff2")}', '_astro/x.css', '/', () => true),
    ).toBe('@font-face{src:url("../fonts/a.woff2")}');
  });
});

describe('manifest and WARC addresses', () => {
  it('lists each file once with its sha256, sorted, in sha256sum format', () => {
    const text = manifest([
      { path: 'b.txt', bytes: new TextEncoder().encode('b') },
      { path: 'a.txt', bytes: new TextEncoder().encode('a') },
    ]);
    expect(text).toBe(
      `${sha256(new TextEncoder().encode('a'))}  a.txt\n${sha256(new TextEncoder().encode('b'))}  b.txt\n`,
    );
  });

  it('records a page under its published URL', () => {
    expect(publishedUrl(doc, 'https://briefing.example.org', '/')).toBe(
      'https://briefing.example.org/documents/renewing-central-asian-partnerships/',
    );
    expect(publishedUrl('_astro/x.css', 'https://briefing.example.org', '/b/')).toBe(
      'https://briefing.example.org/b/_astro/x.css',
    );
  });
});
