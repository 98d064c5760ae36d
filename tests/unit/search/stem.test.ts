import { describe, expect, test } from 'vitest';
import { stem } from '../../../src/lib/search/stem.ts';

// Vectors from the Snowball English stemmer's own vocabulary, and the words the documents and
// the benchmark queries turn on. Pagefind stems with Snowball, so the offline search must agree.

const SNOWBALL: Record<string, string> = {
  consign: 'consign',
  consigned: 'consign',
  consigning: 'consign',
  consignment: 'consign',
  consistency: 'consist',
  consistently: 'consist',
  generate: 'generat',
  generously: 'generous',
  generation: 'generat',
  knightly: 'knight',
  happy: 'happi',
  happiness: 'happi',
  running: 'run',
  hopping: 'hop',
  hoping: 'hope',
  caresses: 'caress',
  cries: 'cri',
  ties: 'tie',
  gas: 'gas',
  gaps: 'gap',
  agreed: 'agre',
  feed: 'feed',
  skies: 'sky',
  news: 'news',
  relational: 'relat',
  conditional: 'condit',
  rational: 'ration',
  digitizer: 'digit',
  vietnamization: 'vietnam',
  operator: 'oper',
  feudalism: 'feudal',
  decisiveness: 'decis',
  hopefulness: 'hope',
  callousness: 'callous',
  sensibiliti: 'sensibl',
  triplicate: 'triplic',
  formative: 'format',
  electrical: 'electr',
  goodness: 'good',
  allowance: 'allow',
  airliner: 'airlin',
  adjustable: 'adjust',
  defensible: 'defens',
  replacement: 'replac',
  adjustment: 'adjust',
  dependent: 'depend',
  adoption: 'adopt',
  homologous: 'homolog',
  effective: 'effect',
  bowdlerize: 'bowdler',
  cease: 'ceas',
  controlling: 'control',
};

const DOCUMENTS: Record<string, string> = {
  narcotics: 'narcot',
  narcotic: 'narcot',
  counternarcotics: 'counternarcot',
  security: 'secur',
  secure: 'secur',
  border: 'border',
  borders: 'border',
  andijan: 'andijan',
  sco: 'sco',
  kazakhstan: 'kazakhstan',
  international: 'intern',
  cooperation: 'cooper',
  organization: 'organ',
  military: 'militari',
  trafficking: 'traffick',
  terrorism: 'terror',
  partnerships: 'partnership',
  countries: 'countri',
  training: 'train',
  multilateral: 'multilater',
};

describe('stem (Snowball English)', () => {
  test.each(Object.entries(SNOWBALL))('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  test.each(Object.entries(DOCUMENTS))('%s → %s (words of the documents)', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  test('words of one or two letters are left as they are', () => {
    expect(stem('us')).toBe('us');
    expect(stem('a')).toBe('a');
  });
});
