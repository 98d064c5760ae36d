import { describe, expect, it } from 'vitest';
import { SITE } from '../../../src/config/site';
import { canonicalUrl, href, joinBase, paths } from '../../../src/lib/urls';

describe('joinBase', () => {
  it('prefixes the base, whatever it is', () => {
    expect(joinBase('/', 'documents/')).toBe('/documents/');
    expect(joinBase('/briefing/', 'documents/x/')).toBe('/briefing/documents/x/');
    expect(joinBase('/briefing/', '')).toBe('/briefing/');
  });

  it('tolerates a leading slash on the path', () => {
    expect(joinBase('/briefing/', '/documents/')).toBe('/briefing/documents/');
  });
});

describe('href and canonicalUrl', () => {
  it('build on SITE.base and SITE.origin', () => {
    const id = 'renewing-central-asian-partnerships';
    expect(href(paths.document(id))).toBe(`${SITE.base}documents/${id}/`);
    expect(canonicalUrl(paths.home)).toBe(`${SITE.origin}${SITE.base}`);
  });
});
