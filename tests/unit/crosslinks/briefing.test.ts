import { describe, expect, it } from 'vitest';
import { briefingProblems, parseBriefing } from '../../../src/lib/briefing.ts';
import { normalizeSpace, quotedPhrases } from '../../../src/lib/quotes.ts';
import { documents, readSource, texts } from './corpus.ts';

const FILE = 'src/content/briefing/briefing.yaml';
const sections = parseBriefing(readSource(FILE), FILE);
const paragraph = (document: string, id: string) =>
  documents.find((d) => d.id === document)?.blocks.find((b) => b.id === id)?.text;
const sameApostrophes = (text: string) => normalizeSpace(text).replace(/[’‘]/g, "'");

describe('the front-page briefing', () => {
  it('has a few short sections on the themes, each claim resting on sources', () => {
    expect(sections.map((s) => s.heading)).toEqual([
      'NATO and the region',
      'Regional organizations and integration',
      'Narcotics, terrorism and borders',
      'Assistance and human rights',
    ]);
    for (const s of sections) {
      expect(s.claims.length).toBeGreaterThan(0);
      expect(s.claims.length).toBeLessThanOrEqual(6);
      expect(s.id).toMatch(/^briefing-[a-z0-9-]+$/);
    }
  });

  it('links every claim to paragraphs that exist and say the quoted words', () => {
    let links = 0;
    for (const { heading, claims } of sections) {
      for (const claim of claims) {
        for (const source of claim.sources) {
          links++;
          const text = paragraph(source.document, source.paragraph);
          expect(text, `${heading}: ${source.document}#${source.paragraph}`).toBeDefined();
          expect(normalizeSpace(text!)).toContain(normalizeSpace(source.quote));
        }
        // Words the claim itself puts in quotation marks stand in one of its paragraphs.
        for (const words of quotedPhrases(claim.text)) {
          const said = claim.sources.some((s) =>
            sameApostrophes(paragraph(s.document, s.paragraph)!).includes(sameApostrophes(words)),
          );
          expect(said, `${heading}: “${words}”`).toBe(true);
        }
      }
    }
    expect(links).toBeGreaterThan(20);
    expect(briefingProblems(sections, texts, FILE)).toEqual([]);
  });

  it('cites every document at least once', () => {
    const cited = new Set(
      sections.flatMap((s) => s.claims.flatMap((c) => c.sources)).map((s) => s.document),
    );
    expect([...cited].sort()).toEqual(documents.map((d) => d.id).sort());
  });

  it('fails on a source that does not say what the claim quotes', () => {
    const [first] = sections;
    const claim = first!.claims[0]!;
    const broken = [
      {
        ...first!,
        claims: [
          { ...claim, text: 'NATO calls the region “a priority”.' },
          { ...claim, sources: [{ ...claim.sources[0]!, paragraph: 'p-ffffff' }] },
        ],
      },
    ];
    expect(briefingProblems(broken, texts, 'briefing.yaml')).toEqual([
      'briefing.yaml: section "NATO and the region", claim 1: quotes “a priority”, which none of its source paragraphs says; quote the text exactly or drop the quotation marks',
      'briefing.yaml: section "NATO and the region", claim 2, sources[0]: document "renewing-central-asian-partnerships" has no paragraph "p-ffffff"',
    ]);
  });

  it('refuses a file that does not fit the schema, naming the field', () => {
    expect(() => parseBriefing('sections:\n  - heading: X\n    claims: []\n', 'b.yaml')).toThrow(
      'b.yaml: field "sections.0.claims"',
    );
  });
});
