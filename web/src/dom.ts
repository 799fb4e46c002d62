// Building DOM from data. Every string goes in as a text node or through textContent, never as
// HTML: titles, sentences and names come from articles and may contain markup.

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | undefined>;

/** Create an element; `props` are attributes (never event handlers), children become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (/^on/i.test(name) || name === 'style' || name === 'srcdoc')
      throw new Error(`dom.el: refusing attribute ${name}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** An http(s) URL from an article, or undefined: `javascript:` and friends never become links. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export const clear = (node: Element): void => node.replaceChildren();

/** Look up an element the page must have; a missing one is a bug in index.html. */
export function must<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`viewer: ${selector} is missing from the page`);
  return found;
}
