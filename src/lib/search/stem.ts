/**
 * The Snowball English ("Porter2") stemmer, the one Pagefind applies to English pages, so that the
 * offline search and the landing highlight match the words Pagefind matches: "narcotics" and
 * "narcotic" both stem to "narcot", "security" and "secure" to "secur". Input is one lowercase
 * word; the algorithm is at https://snowballstem.org/algorithms/english/stemmer.html.
 */

const EXCEPTIONS: Record<string, string> = {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
};

/** Words left alone after step 1a. */
const AFTER_1A = new Set([
  'inning',
  'outing',
  'canning',
  'herring',
  'earring',
  'proceed',
  'exceed',
  'succeed',
]);

const isVowel = (c: string | undefined): boolean =>
  c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const LI_ENDING = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

/** Start of the region after the first non-vowel that follows a vowel, from `from`. */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

/** A short syllable ends at `end` (exclusive). */
function shortSyllableAt(word: string, end: number): boolean {
  if (end === 2) return isVowel(word[0]) && !isVowel(word[1]);
  if (end < 3) return false;
  const [a, b, c] = [word[end - 3], word[end - 2], word[end - 1]];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y';
}

export function stem(input: string): string {
  if (input.length <= 2) return input;
  if (EXCEPTIONS[input]) return EXCEPTIONS[input];
  let w = input.replace(/^'/, '');
  // y at the start or after a vowel is a consonant: mark it Y.
  w = w.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');

  const r1 = /^(gener|commun|arsen)/.test(w)
    ? (/^(gener|commun|arsen)/.exec(w)![0]?.length ?? 0)
    : regionAfter(w, 0);
  const r2 = regionAfter(w, r1);
  const inR1 = (suffix: string) => w.length - suffix.length >= r1;
  const inR2 = (suffix: string) => w.length - suffix.length >= r2;
  const isShort = () => shortSyllableAt(w, w.length) && r1 >= w.length;

  // Step 0: apostrophes.
  w = w.replace(/'(s'?)?$/, '');

  // Step 1a.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ied|ies)$/.test(w)) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (w.endsWith('us') || w.endsWith('ss')) {
    // unchanged
  } else if (w.endsWith('s') && /[aeiouy]./.test(w.slice(0, -1))) w = w.slice(0, -1);
  if (AFTER_1A.has(w)) return w;

  // Step 1b.
  const eed = /(eedly|eed)$/.exec(w);
  if (eed) {
    if (inR1(eed[0])) w = w.slice(0, -eed[0].length) + 'ee';
  } else {
    const ed = /(ingly|edly|ing|ed)$/.exec(w);
    if (ed && /[aeiouy]/.test(w.slice(0, -ed[0].length))) {
      w = w.slice(0, -ed[0].length);
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (DOUBLES.has(w.slice(-2))) w = w.slice(0, -1);
      else if (isShort()) w += 'e';
    }
  }

  // Step 1c.
  if (/[yY]$/.test(w) && w.length > 2 && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';

  // Step 2.
  const step2: [string, string][] = [
    ['ational', 'ate'],
    ['tional', 'tion'],
    ['enci', 'ence'],
    ['anci', 'ance'],
    ['abli', 'able'],
    ['entli', 'ent'],
    ['ization', 'ize'],
    ['izer', 'ize'],
    ['ation', 'ate'],
    ['ator', 'ate'],
    ['alism', 'al'],
    ['aliti', 'al'],
    ['alli', 'al'],
    ['fulness', 'ful'],
    ['ousness', 'ous'],
    ['ousli', 'ous'],
    ['iveness', 'ive'],
    ['iviti', 'ive'],
    ['biliti', 'ble'],
    ['bli', 'ble'],
    ['fulli', 'ful'],
    ['lessli', 'less'],
  ];
  const s2 = longest(w, [...step2.map(([s]) => s), 'ogi', 'li']);
  if (s2 && inR1(s2)) {
    if (s2 === 'ogi') {
      if (w.endsWith('logi')) w = w.slice(0, -1);
    } else if (s2 === 'li') {
      if (LI_ENDING.has(w[w.length - 3] ?? '')) w = w.slice(0, -2);
    } else {
      w = w.slice(0, -s2.length) + step2.find(([s]) => s === s2)![1];
    }
  }

  // Step 3.
  const step3: Record<string, string> = {
    ational: 'ate',
    tional: 'tion',
    alize: 'al',
    icate: 'ic',
    iciti: 'ic',
    ical: 'ic',
    ful: '',
    ness: '',
  };
  const s3 = longest(w, [...Object.keys(step3), 'ative']);
  if (s3 && inR1(s3)) {
    if (s3 === 'ative') {
      if (inR2(s3)) w = w.slice(0, -5);
    } else {
      w = w.slice(0, -s3.length) + step3[s3];
    }
  }

  // Step 4.
  const step4 = [
    'al',
    'ance',
    'ence',
    'er',
    'ic',
    'able',
    'ible',
    'ant',
    'ement',
    'ment',
    'ent',
    'ism',
    'ate',
    'iti',
    'ous',
    'ive',
    'ize',
    'ion',
  ];
  const s4 = longest(w, step4);
  if (s4 && inR2(s4)) {
    if (s4 === 'ion') {
      if (/[st]ion$/.test(w)) w = w.slice(0, -3);
    } else {
      w = w.slice(0, -s4.length);
    }
  }

  // Step 5.
  if (w.endsWith('e')) {
    if (inR2('e') || (inR1('e') && !shortSyllableAt(w, w.length - 1))) w = w.slice(0, -1);
  } else if (w.endsWith('ll') && inR2('l')) {
    w = w.slice(0, -1);
  }

  return w.replace(/Y/g, 'y');
}

/** The longest of `suffixes` that `word` ends with. */
function longest(word: string, suffixes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const s of suffixes) {
    if (word.endsWith(s) && (!best || s.length > best.length)) best = s;
  }
  return best;
}
