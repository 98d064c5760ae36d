import { parseDocument } from 'htmlparser2';

/** Just enough DOM for the component tests: htmlparser2 reads SVG inside HTML as it is. */

type Document = ReturnType<typeof parseDocument>;
type ChildNode = Document['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

export const parse = (html: string): Document =>
  parseDocument(html, { lowerCaseAttributeNames: false });

const isElement = (node: ChildNode): node is Element => node.type === 'tag' && 'attribs' in node;

/** Every element below `node` with this tag name, in document order. */
export function all(node: Document | Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (n: Document | Element) => {
    for (const child of n.children) {
      if (!isElement(child)) continue;
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
}

/** The only element below `node` with this tag name. */
export function one(node: Document | Element, name: string): Element {
  const found = all(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}

/** The elements below `node` with this tag name and class. */
export const withClass = (node: Document | Element, name: string, className: string) =>
  all(node, name).filter((el) => (el.attribs['class'] ?? '').split(/\s+/).includes(className));

export const attr = (el: Element, name: string): string | undefined => el.attribs[name];

/** The text inside an element, whitespace collapsed. */
export function text(node: Element): string {
  const parts: string[] = [];
  const walk = (n: ChildNode) => {
    if (n.type === 'text') parts.push(n.data);
    else if (isElement(n)) n.children.forEach(walk);
  };
  node.children.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
