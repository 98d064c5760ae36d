import { describe, expect, it } from 'vitest';
import {
  describeCollection,
  groupByType,
  sortDocuments,
  type DocumentLike,
} from '../../../src/lib/collection';

// The five documents as the ingest will describe them, reduced to what ordering reads.
const docs: DocumentLike[] = [
  {
    id: 'central-asian-security-two-recommendations-for-international-action',
    data: {
      title: 'Central Asian Security: Two Recommendations for International Action',
      type: 'policy-report',
      published: { date: '2010-04-26', precision: 'day', origin: 'source', evidence: 'x' },
    },
  },
  {
    id: 'renewing-central-asian-partnerships',
    data: {
      title: 'Renewing Central Asian Partnerships',
      type: 'journal-article',
      published: {
        date: '2006-09',
        precision: 'season',
        season: 'autumn',
        origin: 'source',
        evidence: 'x',
      },
    },
  },
  {
    id: 'how-can-central-asia-move-toward-security-integration',
    data: {
      title: 'How Can Central Asia Move Toward Security Integration?',
      type: 'news-analysis',
      published: {
        date: '2024-07-30',
        until: '2024-08-09',
        precision: 'range',
        origin: 'inferred',
        evidence: 'x',
      },
    },
  },
  {
    id: 'foreign-military-assistance',
    data: { title: 'Foreign Military Assistance', type: 'policy-brief', published: undefined },
  },
  {
    id: 'counter-terrorism-in-central-asia-requires-international-cooperation',
    data: {
      title: 'Counter-terrorism in Central Asia requires international cooperation',
      type: 'commentary',
      published: { date: '2014-12-26', precision: 'day', origin: 'source', evidence: 'x' },
    },
  },
];
const ids = (list: DocumentLike[]) => list.map((d) => d.id.split('-')[0]);

describe('sortDocuments', () => {
  it('orders newest first, undated last, without changing its input', () => {
    const before = ids(docs);
    expect(ids(sortDocuments(docs, 'newest'))).toEqual([
      'how',
      'counter',
      'central',
      'renewing',
      'foreign',
    ]);
    expect(ids(docs)).toEqual(before);
  });

  it('orders oldest first, undated still last', () => {
    expect(ids(sortDocuments(docs, 'oldest'))).toEqual([
      'renewing',
      'central',
      'counter',
      'how',
      'foreign',
    ]);
  });

  it('breaks ties by title', () => {
    const twins = [docs[1]!, { ...docs[1]!, id: 'a', data: { ...docs[1]!.data, title: 'A' } }];
    expect(sortDocuments(twins, 'newest').map((d) => d.id)).toEqual([
      'a',
      'renewing-central-asian-partnerships',
    ]);
  });
});

describe('groupByType', () => {
  it('groups in the schema order of types, leaving out empty ones', () => {
    const groups = groupByType([...docs, { ...docs[4]!, id: 'second-commentary' }]);
    expect(groups.map((g) => g.label)).toEqual([
      'Policy report',
      'Policy brief',
      'Journal article',
      'News analysis',
      'Commentaries',
    ]);
    expect(groups.at(-1)?.docs).toHaveLength(2);
  });
});

describe('describeCollection', () => {
  it('says how many documents, of which years and kinds', () => {
    const dated = docs.map((d) =>
      d.data.published
        ? d
        : {
            ...d,
            data: {
              ...d.data,
              published: {
                date: '2014',
                precision: 'year' as const,
                origin: 'editorial' as const,
                evidence: 'x',
              },
            },
          },
    );
    expect(describeCollection(dated)).toBe(
      'Five documents on security in Central Asia, published between 2006 and 2024: ' +
        'a policy report, a policy brief, a journal article, a news analysis and a commentary.',
    );
  });

  it('counts the undated and plural kinds', () => {
    expect(describeCollection([...docs, { ...docs[4]!, id: 'b' }])).toBe(
      'Six documents on security in Central Asia, published between 2006 and 2024 ' +
        '(one undated): a policy report, a policy brief, a journal article, a news analysis ' +
        'and two commentaries.',
    );
  });

  it('reads well for a single document', () => {
    expect(describeCollection([docs[0]!])).toBe(
      'One document on security in Central Asia, published in 2010: a policy report.',
    );
  });
});
