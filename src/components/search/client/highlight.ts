import { HIGHLIGHT_PARAM } from '../../../lib/search/state.ts';
import { queryTerms, wordMatch } from '../../../lib/search/text.ts';

/**
 * A page opened from a search result marks the words that matched (`?highlight=narcotics`),
 * in the text that search indexes, with `<mark>`: ids and layout stay as they are.
 */

const query = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM) ?? '';
const terms = queryTerms(query);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'MARK', 'SVG']);
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function markText(node: Text): void {
  const text = node.data;
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!terms.some((t) => wordMatch(m[0], t) > 0)) continue;
    const start = m.index ?? 0;
    out.append(text.slice(last, start));
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    mark.textContent = m[0];
    out.append(mark);
    last = start + m[0].length;
  }
  if (last === 0) return;
  out.append(text.slice(last));
  node.replaceWith(out);
}

function markWithin(root: Element): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      for (let el = n.parentElement; el && el !== root.parentElement; el = el.parentElement) {
        if (SKIP.has(el.tagName.toUpperCase()) || el.hasAttribute('data-pagefind-ignore')) {
          return NodeFilter.FILTER_REJECT;
        }
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  nodes.forEach(markText);
}

if (terms.length > 0) {
  const indexed = document.querySelectorAll('[data-pagefind-body]');
  const roots =
    indexed.length > 0 ? [...indexed] : [document.querySelector('main')].filter(Boolean);
  for (const r of roots) markWithin(r as Element);
}
