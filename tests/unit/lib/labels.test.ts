import { describe, expect, it } from 'vitest';
import type { Author } from '../../../src/content/schema';
import {
  authorLine,
  authorText,
  countWord,
  listText,
  NO_AUTHOR,
  originLabel,
  pageTitle,
  typeLabel,
  typeWithArticle,
} from '../../../src/lib/labels';

const natoRole: Author = {
  role: 'Senior Fellow and Director, Center for Political-Military Analysis',
  origin: 'source',
  evidence: 'Senior Fellow and Director, Center for Political-Military Analysis',
};
const kirbassov: Author = {
  name: 'Galymzhan Kirbassov',
  role: 'Ph.D. candidate in political science',
  affiliation: 'SUNY Binghamton',
  origin: 'source',
  evidence:
    'a guest post from Galymzhan Kirbassov, a Ph.D. candidate in political science at SUNY Binghamton',
};
const expertsGroup: Author = {
  name: 'Experts’ Group on Euro-Atlantic Security',
  role: 'convened by the EastWest Institute',
  affiliation: 'EastWest Institute',
  origin: 'editorial',
  evidence: 'An Experts’ Group on Euro-Atlantic Security, convened by the EastWest Institute',
};

describe('typeLabel', () => {
  it('names each type, in the singular and plural', () => {
    expect(typeLabel('policy-report')).toBe('Policy report');
    expect(typeLabel('journal-article')).toBe('Journal article');
    expect(typeLabel('news-analysis', 2)).toBe('News analyses');
    expect(typeLabel('commentary', 0)).toBe('Commentaries');
  });

  it('takes "a" or "an" inside a sentence', () => {
    expect(typeWithArticle('policy-brief')).toBe('a policy brief');
    expect(typeWithArticle('article')).toBe('an article');
  });
});

describe('originLabel', () => {
  it('says where a value came from', () => {
    expect(originLabel('source')).toBe('stated in the source');
    expect(originLabel('inferred')).toBe('inferred by the ingest');
    expect(originLabel('editorial')).toBe('set by an editor');
  });
});

describe('authorText', () => {
  it('gives name, role and affiliation', () => {
    expect(authorText(kirbassov)).toBe(
      'Galymzhan Kirbassov, Ph.D. candidate in political science, SUNY Binghamton',
    );
  });

  it('leaves out an affiliation the role already names', () => {
    expect(authorText(expertsGroup)).toBe(
      'Experts’ Group on Euro-Atlantic Security, convened by the EastWest Institute',
    );
  });

  it('says so when only a role is known', () => {
    expect(authorText(natoRole)).toBe(
      'Senior Fellow and Director, Center for Political-Military Analysis (name not given)',
    );
  });
});

describe('authorLine', () => {
  it('says the source names no author when there is none', () => {
    expect(authorLine([])).toBe(NO_AUTHOR);
    expect(NO_AUTHOR).toBe('Author not named in the source');
  });

  it('joins several authors', () => {
    expect(authorLine([kirbassov, natoRole])).toBe(
      `${authorText(kirbassov)} and ${authorText(natoRole)}`,
    );
  });
});

describe('listText and countWord', () => {
  it('joins with commas and a final "and"', () => {
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b'])).toBe('a and b');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('spells small numbers', () => {
    expect(countWord(5)).toBe('Five');
    expect(countWord(12)).toBe('12');
  });
});

describe('pageTitle', () => {
  const site = 'Central Asia Security Briefing';

  it('adds the site name when it fits in 70 characters', () => {
    expect(pageTitle('Renewing Central Asian Partnerships', site)).toBe(
      'Renewing Central Asian Partnerships — Central Asia Security Briefing',
    );
    expect(pageTitle(undefined, site)).toBe(site);
  });

  it('drops the site name, then shortens at a word, to stay within 70', () => {
    const report = 'Central Asian Security: Two Recommendations for International Action';
    expect(pageTitle(report, site)).toBe(report);
    const brief = 'Foreign Military Assistance to Central Asia: Conclusions and Recommendations';
    const shown = pageTitle(brief, site);
    expect(shown).toBe('Foreign Military Assistance to Central Asia: Conclusions and…');
    expect(shown.length).toBeLessThanOrEqual(70);
  });
});
