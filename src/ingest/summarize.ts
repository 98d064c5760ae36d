import { splitSentences } from '../lib/sentences.ts';
import type { StructuredDocument } from './structure.ts';

export interface DraftSummary {
  /** Up to three sentences of the text, in their order, chosen as the most representative. */
  text: string;
  /** Up to four further representative sentences. */
  keyPoints: string[];
}

const STOPWORDS = new Set(
  'a an the and or but of to in on at by for with from as is are was were be been being has have had it its this that these those which who whom whose what when where why how not no nor so than too very can could will would shall should may might must do does did also into over under between among about after before during through such their there they them he she his her we our you your i my me us all any both each few more most other some own same only just'.split(
    ' ',
  ),
);

function terms(sentence: string): string[] {
  return (sentence.toLowerCase().match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? []).filter(
    (w) => !STOPWORDS.has(w) && w.length > 2,
  );
}

/** A machine-drafted extractive summary: sentences scored by how many of the document's frequent
 * terms they carry (per term, to favour dense sentences), with a small bonus for leading
 * paragraphs, where authors state their case. Deterministic: ties keep document order. */
export function draftSummary(doc: StructuredDocument): DraftSummary {
  const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
  const sentences = paragraphs.flatMap((p, pi) => splitSentences(p.text).map((s) => ({ s, pi })));
  const frequency = new Map<string, number>();
  for (const { s } of sentences)
    for (const t of new Set(terms(s))) frequency.set(t, (frequency.get(t) ?? 0) + 1);

  const scored = sentences
    .map(({ s, pi }, i) => {
      const ts = terms(s);
      const weight =
        ts.reduce((sum, t) => sum + (frequency.get(t) ?? 0), 0) / Math.sqrt(ts.length || 1);
      const lead = pi === 0 ? 1.5 : pi === 1 ? 1.2 : 1;
      const usable = s.split(/\s+/).length >= 8 && s.split(/\s+/).length <= 60;
      return { s, i, score: usable ? weight * lead : -1 };
    })
    .filter((x) => x.score >= 0);

  const ranked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  const inOrder = (xs: typeof scored) => [...xs].sort((a, b) => a.i - b.i).map((x) => x.s);
  if (ranked.length === 0) {
    // No sentence of a usable length (one endless line, or only fragments): the opening words.
    const opening = sentences[0]?.s.split(/\s+/) ?? [];
    const text = opening.length > 60 ? `${opening.slice(0, 60).join(' ')}…` : opening.join(' ');
    return { text, keyPoints: [text] };
  }
  const summary = inOrder(ranked.slice(0, 3));
  // A short document has no sentences left over: its key points repeat the summary's sentences.
  const points = ranked.length > 3 ? inOrder(ranked.slice(3, 7)) : summary;
  return { text: summary.join(' '), keyPoints: points };
}
