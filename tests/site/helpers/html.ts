import { Config, Parser, type HtmlElement } from 'html-validate';

let parser: Parser | undefined;

/** Parse an HTML document (html-validate's parser: comments and script bodies are not markup). */
export async function parseHtml(source: string): Promise<HtmlElement> {
  parser ??= new Parser(await Config.defaultConfig().resolve());
  return parser.parseHtml(source);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decode the character references that can appear in an attribute value. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? match;
  });
}

/** An attribute's decoded value, or null when it is absent or has no value. */
export function attr(element: HtmlElement, name: string): string | null {
  const value = element.getAttributeValue(name);
  return value === null ? null : decodeEntities(value);
}

/** The URLs of a srcset attribute. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** A short description of an element for failure messages: `a[href="/x"]` on line 12. */
export function describeElement(element: HtmlElement, name: string): string {
  return `<${element.tagName} ${name}="${element.getAttributeValue(name) ?? ''}"> (line ${element.location.line})`;
}

/** Every id on the page, and every a[name] (both are fragment targets in HTML). */
export function fragmentTargets(root: HtmlElement): Set<string> {
  const targets = new Set<string>();
  for (const el of root.querySelectorAll('[id]')) {
    const id = attr(el, 'id');
    if (id) targets.add(id);
  }
  for (const el of root.querySelectorAll('a[name]')) {
    const name = attr(el, 'name');
    if (name) targets.add(name);
  }
  return targets;
}
