import { Cite, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { bibtex, bibtexEscape } from '../../../src/lib/citation/bibtex.ts';
import { highwireTags } from '../../../src/lib/citation/highwire.ts';
import { jsonLd } from '../../../src/lib/citation/jsonld.ts';
import {
  citedDate,
  citedName,
  isOrganizationName,
  statedDay,
} from '../../../src/lib/citation/record.ts';
import { ris } from '../../../src/lib/citation/ris.ts';
import { apa, chicago, plainText } from '../../../src/lib/citation/styles.ts';
import { entries, entry, pageUrl } from './entries.ts';

// The citation formats on the five real entries. BibTeX and RIS are read back with citation-js,
// the parser reference managers build on, and must carry the title, exactly the authors the
// source names (none invented: 001 names its author only by role, 002 and 003 name none), the
// year, and the publisher or outlet.

const E000 = entry('000'); // EastWest Institute policy report, group author, April 26, 2010
const E001 = entry('001'); // NATO Review article, author known only by role, autumn 2006
const E002 = entry('002'); // The Diplomat analysis, no author, written July 30-August 9, 2024
const E003 = entry('003'); // SIPRI brief, editorial title, no author, about 2014
const E004 = entry('004'); // commentary by a named person, December 26, 2014, no publisher

const ROLE = 'Senior Fellow and Director, Center for Political-Military Analysis';

interface Expected {
  authors: { family?: string; given?: string }[];
  year: number;
  publisher?: string;
  container?: string;
}

const EXPECTED: Record<string, Expected> = {
  '000': {
    authors: [{ family: 'Experts’ Group on Euro-Atlantic Security' }],
    year: 2010,
    publisher: 'EastWest Institute',
  },
  '001': { authors: [], year: 2006, container: 'NATO Review' },
  '002': { authors: [], year: 2024, container: 'The Diplomat' },
  '003': { authors: [], year: 2014, publisher: 'SIPRI' },
  '004': { authors: [{ family: 'Kirbassov', given: 'Galymzhan' }], year: 2014 },
};

/** Authors as citation-js reads them, without empty given names. */
function names(item: CslItem): { family?: string; given?: string }[] {
  return (item.author ?? []).map((a) => ({
    ...(a.family ? { family: a.family } : {}),
    ...(a.given ? { given: a.given } : {}),
    ...(a.literal ? { family: a.literal } : {}),
  }));
}

describe('the citation record', () => {
  it('keeps a group whole, splits a person, and never makes a role a name', () => {
    expect(E000.record.authors).toEqual([
      { kind: 'organization', name: 'Experts’ Group on Euro-Atlantic Security' },
    ]);
    expect(E004.record.authors).toEqual([
      {
        kind: 'person',
        family: 'Kirbassov',
        given: 'Galymzhan',
        full: 'Galymzhan Kirbassov',
      },
    ]);
    expect(E001.record.authors).toEqual([]);
    expect(E001.record.unnamedRoles).toEqual([ROLE]);
    expect(E002.record.authors).toEqual([]);
    expect(E003.record.authors).toEqual([]);
  });

  it('tells group names from personal names', () => {
    expect(isOrganizationName('Experts’ Group on Euro-Atlantic Security')).toBe(true);
    expect(isOrganizationName('SIPRI')).toBe(true);
    expect(isOrganizationName('Galymzhan Kirbassov')).toBe(false);
    expect(citedName('Jean-Paul  de Sart')).toEqual({
      kind: 'person',
      family: 'Sart',
      given: 'Jean-Paul de',
      full: 'Jean-Paul de Sart',
    });
  });

  it('keeps each date at the precision it is known', () => {
    expect(E000.record.date).toEqual({
      year: 2010,
      month: 4,
      day: 26,
      supplied: false,
      uncertain: false,
    });
    expect(E001.record.date).toEqual({
      year: 2006,
      season: 'autumn',
      supplied: false,
      uncertain: false,
    });
    // Written between July 30 and August 9, 2024: the year is certain, the day is not.
    expect(E002.record.date).toEqual({ year: 2024, supplied: true, uncertain: false });
    // "About 2014": not even the year is certain.
    expect(E003.record.date).toEqual({ year: 2014, supplied: true, uncertain: true });
    expect(E004.record.date).toMatchObject({ year: 2014, month: 12, day: 26, supplied: false });
  });

  it('gives no year for a range across two years, and a full day only when stated', () => {
    expect(
      citedDate({
        date: '2013-12-20',
        until: '2014-01-10',
        precision: 'range',
        origin: 'editorial',
        evidence: 'x',
      }),
    ).toBeUndefined();
    expect(statedDay(E000.data.published)).toEqual({ year: 2010, month: 4, day: 26 });
    expect(statedDay(E001.data.published)).toBeUndefined();
    expect(statedDay(E002.data.published)).toBeUndefined();
    expect(statedDay(E003.data.published)).toBeUndefined();
  });
});

describe('Chicago and APA', () => {
  const url = (e: typeof E000) => pageUrl(e.id);

  it('Chicago: bibliography entries naming the original and this page', () => {
    expect(plainText(chicago(E000.record))).toBe(
      'Experts’ Group on Euro-Atlantic Security. Central Asian Security: Two Recommendations for ' +
        'International Action. Policy report. [EastWest Institute], April 26, 2010. Reproduced in ' +
        `Central Asia Security Briefing. ${url(E000)}.`,
    );
    expect(plainText(chicago(E001.record))).toBe(
      '“Renewing Central Asian Partnerships.” NATO Review, Autumn 2006. Reproduced in Central ' +
        `Asia Security Briefing. ${url(E001)}.`,
    );
    expect(plainText(chicago(E002.record))).toBe(
      '“How Can Central Asia Move Toward Security Integration?” [The Diplomat], [2024]. ' +
        `Reproduced in Central Asia Security Briefing. ${url(E002)}.`,
    );
    expect(plainText(chicago(E003.record))).toBe(
      '[Foreign Military Assistance to Central Asia: Conclusions and Recommendations]. Policy ' +
        `brief. [SIPRI], [2014?]. Reproduced in Central Asia Security Briefing. ${url(E003)}.`,
    );
    expect(plainText(chicago(E004.record))).toBe(
      'Kirbassov, Galymzhan. “Counter-terrorism in Central Asia requires international ' +
        'cooperation.” Commentary. December 26, 2014. Reproduced in Central Asia Security ' +
        `Briefing. ${url(E004)}.`,
    );
  });

  it('Chicago: italics for a report, an outlet and this publication', () => {
    const italic = (runs: ReturnType<typeof chicago>) =>
      runs.filter((r) => r.italic).map((r) => r.text);
    expect(italic(chicago(E000.record))).toEqual([
      'Central Asian Security: Two Recommendations for International Action',
      'Central Asia Security Briefing',
    ]);
    expect(italic(chicago(E001.record))).toEqual(['NATO Review', 'Central Asia Security Briefing']);
  });

  it('APA: reference entries, with "ca." only for an uncertain year', () => {
    expect(plainText(apa(E000.record))).toBe(
      'Experts’ Group on Euro-Atlantic Security. (2010, April 26). Central Asian Security: Two ' +
        'Recommendations for International Action [Policy report]. [EastWest Institute]. ' +
        `Reproduced in Central Asia Security Briefing. ${url(E000)}`,
    );
    expect(plainText(apa(E001.record))).toBe(
      'Renewing Central Asian Partnerships. (2006, Autumn). NATO Review. Reproduced in Central ' +
        `Asia Security Briefing. ${url(E001)}`,
    );
    expect(plainText(apa(E002.record))).toBe(
      'How Can Central Asia Move Toward Security Integration? (2024). [The Diplomat]. ' +
        `Reproduced in Central Asia Security Briefing. ${url(E002)}`,
    );
    expect(plainText(apa(E003.record))).toBe(
      '[Foreign Military Assistance to Central Asia: Conclusions and Recommendations] [Policy ' +
        `brief]. (ca. 2014). [SIPRI]. Reproduced in Central Asia Security Briefing. ${url(E003)}`,
    );
    expect(plainText(apa(E004.record))).toBe(
      'Kirbassov, G. (2014, December 26). Counter-terrorism in Central Asia requires ' +
        'international cooperation [Commentary]. Reproduced in Central Asia Security Briefing. ' +
        url(E004),
    );
  });

  it('never prints a role as a name', () => {
    for (const { record } of Object.values(entries)) {
      expect(plainText(chicago(record))).not.toContain('Senior Fellow');
      expect(plainText(apa(record))).not.toContain('Senior Fellow');
    }
  });
});

describe.each(Object.entries(EXPECTED))('BibTeX and RIS of %s, read by citation-js', (n, want) => {
  const { id, data, record } = entry(n);

  for (const [format, text, options] of [
    ['BibTeX', bibtex(record), {}],
    ['RIS', ris(record), { forceType: '@ris/file' }],
  ] as const) {
    it(`${format}: one item with title, authors, year, publisher and page URL`, () => {
      const items = new Cite(text, options).data;
      expect(items).toHaveLength(1);
      const item = items[0]!;
      expect(item.title).toBe(data.title);
      expect(names(item)).toEqual(want.authors);
      expect(item.issued?.['date-parts']?.[0]?.[0]).toBe(want.year);
      expect(item.publisher).toBe(want.publisher);
      expect(item['container-title']).toBe(want.container);
      expect(item.URL).toBe(pageUrl(id));
      expect(item.note).toContain('Original: ');
      expect(item.note).toContain(data.source.sha256);
    });
  }
});

describe('BibTeX and RIS details', () => {
  it('braces a group name whole and gives a stated month', () => {
    const text = bibtex(E000.record);
    expect(text).toMatch(/^@techreport\{central-asian-security-two-recommendations/);
    expect(text).toContain('author = {{Experts’ Group on Euro-Atlantic Security}}');
    expect(text).toContain('month = apr');
  });

  it('notes the role, the season, and what was inferred', () => {
    expect(bibtex(E001.record)).toContain(`Author named in the source only by role: ${ROLE}.`);
    expect(bibtex(E001.record)).not.toMatch(/author =/);
    expect(ris(E001.record)).toContain('DA  - 2006///Autumn');
    expect(ris(E001.record)).not.toMatch(/^AU/m);
    expect(bibtex(E003.record)).toContain('Title supplied by the editors');
    expect(bibtex(E003.record)).toContain('Original: SIPRI, about 2014.');
    expect(ris(E002.record)).toContain(
      'Original: The Diplomat, between July 30 and August 9, 2024.',
    );
    // An inferred date has no day or month to give.
    expect(ris(E002.record)).not.toMatch(/^DA/m);
    expect(ris(E003.record)).not.toMatch(/^DA/m);
    expect(ris(E000.record)).toContain('DA  - 2010/04/26');
  });

  it('escapes what TeX would read as commands', () => {
    expect(bibtexEscape('R&D: 50% of $x #1 a_b {c} ~ ^ \\')).toBe(
      'R\\&D: 50\\% of \\$x \\#1 a\\_b \\{c\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });

  it('every RIS record ends with ER', () => {
    for (const { record } of Object.values(entries)) expect(ris(record)).toMatch(/\nER {2}- $/);
  });
});

describe('JSON-LD and Highwire tags', () => {
  const ctx = (e: typeof E000) => ({
    description: e.data.summary.text,
    image: `https://briefing.example.org/cards/documents/${e.id}.png`,
    siteUrl: 'https://briefing.example.org/',
    source: e.data.source,
  });

  it('type, date at its precision, and authors only where named', () => {
    const cases: [typeof E000, string, string, unknown][] = [
      [
        E000,
        'Report',
        '2010-04-26',
        [{ '@type': 'Organization', name: E000.data.authors[0]!.name }],
      ],
      [E001, 'ScholarlyArticle', '2006', undefined],
      [E002, 'NewsArticle', '2024', undefined],
      [E003, 'Report', '2014', undefined],
      [
        E004,
        'Article',
        '2014-12-26',
        [
          {
            '@type': 'Person',
            name: 'Galymzhan Kirbassov',
            givenName: 'Galymzhan',
            familyName: 'Kirbassov',
          },
        ],
      ],
    ];
    for (const [e, type, date, author] of cases) {
      const ld = jsonLd(e.record, ctx(e));
      expect(ld['@type']).toBe(type);
      expect(ld.datePublished).toBe(date);
      expect(ld.author).toEqual(author);
      expect(ld.url).toBe(pageUrl(e.id));
      expect(ld.isBasedOn).toMatchObject({ sha256: e.data.source.sha256 });
    }
    expect(jsonLd(E004.record, ctx(E004))).not.toHaveProperty('publisher');
    expect(jsonLd(E003.record, ctx(E003)).publisher).toEqual({
      '@type': 'Organization',
      name: 'SIPRI',
    });
  });

  it('Highwire: authors only where named, dates in its form', () => {
    const tags = (e: typeof E000, name: string) =>
      highwireTags(e.record)
        .filter((t) => t.name === name)
        .map((t) => t.content);
    expect(tags(E000, 'citation_author')).toEqual(['Experts’ Group on Euro-Atlantic Security']);
    expect(tags(E001, 'citation_author')).toEqual([]);
    expect(tags(E004, 'citation_author')).toEqual(['Galymzhan Kirbassov']);
    expect(tags(E000, 'citation_publication_date')).toEqual(['2010/04/26']);
    expect(tags(E001, 'citation_publication_date')).toEqual(['2006']);
    expect(tags(E002, 'citation_publication_date')).toEqual(['2024']);
    expect(tags(E001, 'citation_journal_title')).toEqual(['NATO Review']);
    expect(tags(E000, 'citation_technical_report_institution')).toEqual(['EastWest Institute']);
    expect(tags(E004, 'citation_publisher')).toEqual([]);
  });
});
