import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/entities/blocks.ts';
import { mentionInContext } from '../../../src/lib/entities/context.ts';
import { buildMatcher, findMentions } from '../../../src/lib/entities/matcher.ts';
import { documents, expected, registry, sentenceBlock } from './corpus.ts';

const matcher = buildMatcher(registry);
const THRESHOLD = 0.95;

/** The entity ids found in some blocks, with the words they were found by. */
function found(...blocks: Block[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const m of findMentions(matcher, blocks)) {
    result.set(m.entityId, [...(result.get(m.entityId) ?? []), m.matchedText]);
  }
  return result;
}

describe('mentions against the hand-checked fixture', () => {
  const rows = documents.map((doc) => {
    const want = new Set(expected.documents[doc.id]?.entities ?? []);
    const got = new Set(findMentions(matcher, doc.blocks).map((m) => m.entityId));
    const hits = [...got].filter((id) => want.has(id)).length;
    return {
      document: doc.id,
      expected: want.size,
      found: got.size,
      hits,
      precision: got.size ? hits / got.size : 1,
      recall: want.size ? hits / want.size : 1,
      missed: [...want].filter((id) => !got.has(id)),
      extra: [...got].filter((id) => !want.has(id)),
    };
  });
  const sum = (key: 'expected' | 'found' | 'hits') => rows.reduce((n, r) => n + r[key], 0);
  const overall = { precision: sum('hits') / sum('found'), recall: sum('hits') / sum('expected') };

  const pct = (x: number) => x.toFixed(3);
  console.log(
    [
      'Mention finding, per document (expected and found are distinct entities):',
      ...rows.map(
        (r) =>
          `  ${r.document.slice(0, 44).padEnd(44)}  expected ${String(r.expected).padStart(2)}  found ${String(r.found).padStart(2)}  precision ${pct(r.precision)}  recall ${pct(r.recall)}` +
          (r.missed.length ? `  missed: ${r.missed.join(', ')}` : '') +
          (r.extra.length ? `  extra: ${r.extra.join(', ')}` : ''),
      ),
      `  ${'overall'.padEnd(44)}  expected ${sum('expected')}  found ${sum('found')}  precision ${pct(overall.precision)}  recall ${pct(overall.recall)}`,
    ].join('\n'),
  );

  it('covers every document, and names only entities the registry holds', () => {
    expect(Object.keys(expected.documents).sort()).toEqual(documents.map((d) => d.id).sort());
    const ids = new Set(registry.map((e) => e.id));
    const unknown = Object.values(expected.documents).flatMap((d) =>
      d.entities.filter((id) => !ids.has(id)),
    );
    expect(unknown).toEqual([]);
  });

  it(`has precision of at least ${THRESHOLD} over all documents`, () => {
    expect(overall.precision).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it(`has recall of at least ${THRESHOLD} over all documents`, () => {
    expect(overall.recall).toBeGreaterThanOrEqual(THRESHOLD);
  });
});

describe('the hard cases, on sentences from the documents', () => {
  it('keeps acronyms exact: "UN" is not "un", "US" is not "us"', () => {
    const sentence = sentenceBlock('unanimously adopted by the UN member states');
    expect(found(sentence).get('un')).toEqual(['UN']);
    expect(found({ id: 'x', kind: 'paragraph', text: 'Let us run an unusual test.' }).size).toBe(0);
  });

  it('finds possessives, straight and curly: "NATO\'s", "Central Asia’s"', () => {
    const straight = found(sentenceBlock("expanded NATO's interests"));
    expect(straight.get('nato')).toEqual(['NATO']);
    expect(straight.get('september-11-attacks')).toEqual(['9/11']);
    const curly = found(sentenceBlock('affirmed Central Asia’s increased importance'));
    expect(curly.get('central-asia')).toEqual(['Central Asia']);
  });

  it('prefers the longest name: "Shanghai Cooperation Organization", not "Organization"', () => {
    const result = found(sentenceBlock('Counter-terrorism cooperation under the Collective'));
    expect(result.get('sco')).toEqual(['Shanghai Cooperation Organization']);
    expect(result.get('csto')).toEqual(['Collective Security Treaty Organization']);
    expect(result.get('counter-terrorism')).toEqual(['Counter-terrorism']);
  });

  it('counts a hyphenated compound for both names: "NATO-SCO"', () => {
    const result = found(sentenceBlock('would entail NATO-SCO collaboration'));
    expect(result.get('nato')).toEqual(['NATO']);
    expect(result.get('sco')).toEqual(['SCO']);
    expect(found(sentenceBlock('collapse of NATO-Uzbek security ties')).get('uzbekistan')).toEqual([
      'Uzbek',
    ]);
  });

  it('finds the United States as "U.S.", "US" and "USA", but not "US" inside "USA"', () => {
    expect(found(sentenceBlock('withdrawal of U.S. troops')).get('united-states')).toEqual([
      'U.S.',
    ]);
    const training = found(sentenceBlock('with Russian and US participation'));
    expect(training.get('united-states')).toEqual(['US']);
    expect(training.get('russia')).toEqual(['Russian']);
    expect(found(sentenceBlock('Saudi Arabia or the USA')).get('united-states')).toEqual(['USA']);
  });

  it('reads "Islamic Movement of Uzbekistan" as the IMU, not as Uzbekistan', () => {
    const result = found(sentenceBlock('such as the Islamic Movement of Uzbekistan'));
    expect(result.get('islamic-movement-of-uzbekistan')).toEqual([
      'Islamic Movement of Uzbekistan',
    ]);
    expect(result.has('uzbekistan')).toBe(false);
  });

  it('does not read names inside other names: UNODC is not the UN, ISAF is not a topic', () => {
    const drugs = found(sentenceBlock('according to the UN Office on Drugs and Crime'));
    expect(drugs.get('unodc')).toEqual(['UN Office on Drugs and Crime']);
    expect(drugs.has('un')).toBe(false);
    const isaf = found(sentenceBlock("NATO's takeover of the International Security"));
    expect(isaf.get('isaf')).toEqual(['International Security Assistance Force', 'ISAF']);
    expect(isaf.has('security-assistance')).toBe(false);
  });

  it('counts "the Alliance" as NATO only in a document that names NATO', () => {
    const alone = sentenceBlock('the Alliance had engaged regional governments');
    expect(found(alone).has('nato')).toBe(false);
    const named = sentenceBlock('NATO needs a new initiative');
    expect(found(alone, named).get('nato')).toEqual(['Alliance', 'NATO']);
    const exercise = sentenceBlock('Kazakhstan hosted Birlestik-2024 (Alliance-2024) exercises');
    const withNato = found(exercise, named);
    expect(withNato.get('birlestik-2024')).toEqual(['Birlestik-2024', 'Alliance-2024']);
    expect(withNato.get('nato')).toEqual(['NATO']);
  });

  it('counts a context alias where the parent is named: "Istanbul Summit" under NATO', () => {
    const summit = sentenceBlock('At their June 2004 Istanbul Summit');
    expect(found(summit).get('istanbul-summit-2004')).toEqual(['Istanbul Summit']);
    const withoutNato: Block = { ...summit, text: summit.text.replace('NATO', 'the') };
    expect(found(withoutNato).has('istanbul-summit-2004')).toBe(false);
  });

  it('counts demonyms as their country: "Kazakh", "Kazakhstani", "Chinese"', () => {
    expect(found(sentenceBlock('Given the Kazakh chair-in-office')).get('kazakhstan')).toEqual([
      'Kazakh',
    ]);
    const tokayev = found(sentenceBlock('Kazakhstani President Kassym-Jomart Tokayev'));
    expect(tokayev.get('kazakhstan')).toEqual(['Kazakhstani']);
    expect(tokayev.get('kassym-jomart-tokayev')).toEqual(['Kassym-Jomart Tokayev']);
    expect(found(sentenceBlock('the Chinese Ambassador to Belgium')).get('china')).toEqual([
      'Chinese',
      'Chinese',
    ]);
  });

  it('matches straight and curly apostrophes alike', () => {
    const curly = sentenceBlock('An Experts’ Group on Euro-Atlantic Security');
    const straight: Block = { ...curly, text: curly.text.replaceAll('’', "'") };
    expect(found(straight).get('experts-group-on-euro-atlantic-security')).toEqual([
      "Experts' Group on Euro-Atlantic Security",
    ]);
  });

  it('matches topics in any case and plural: "Counter-terrorism", "border conflicts"', () => {
    expect(
      found(sentenceBlock('Against the backdrop of border conflicts')).get('border-security'),
    ).toEqual(['border conflicts']);
    expect(
      found(sentenceBlock('Security assistance efforts by outside powers')).get(
        'security-assistance',
      ),
    ).toEqual(['Security assistance']);
  });

  it('gives each mention its sentence, not cut at "U.S." or "Ph.D."', () => {
    const block = documents
      .flatMap((d) => d.blocks)
      .find((b) => b.text.includes('withdrawal of U.S. troops'))!;
    const mention = findMentions(matcher, [block]).find((m) => m.entityId === 'waziristan')!;
    const context = mentionInContext(block, mention);
    expect(context.sentence).toBe(
      'Second, the withdrawal of U.S. troops from Afghanistan will benefit insurgent and terrorist groups currently operating in the Waziristan region between Afghanistan and Pakistan.',
    );
    expect(context.sentence.slice(context.start, context.end)).toBe('Waziristan');

    const guest = documents.flatMap((d) => d.blocks).find((b) => b.text.includes('Ph.D.'))!;
    const binghamton = findMentions(matcher, [guest]).find(
      (m) => m.entityId === 'suny-binghamton',
    )!;
    expect(mentionInContext(guest, binghamton).sentence).toBe(guest.text);
  });
});
