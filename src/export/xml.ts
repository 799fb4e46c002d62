// Helpers over fast-xml-parser's ordered tree (preserveOrder), to post-process XML that a library
// wrote without building XML by hand: parse, edit elements and attributes, build again.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** One element of the ordered tree: `{ tag: children[], ':@': { '@_name': value } }`. */
export type XmlNode = { [tag: string]: XmlNode[] | Record<string, string> | undefined } & {
  ':@'?: Record<string, string>;
};

const OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  preserveOrder: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
} as const;

export const parseXml = (xml: string): XmlNode[] => new XMLParser(OPTIONS).parse(xml) as XmlNode[];

export const buildXml = (tree: XmlNode[]): string =>
  new XMLBuilder({
    ...OPTIONS,
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  }).build(tree) as string;

export const tagOf = (n: XmlNode): string => Object.keys(n).find((k) => k !== ':@')!;
export const childrenOf = (n: XmlNode): XmlNode[] => n[tagOf(n)] as XmlNode[];
export const elements = (nodes: XmlNode[], tag: string): XmlNode[] => nodes.filter((n) => tagOf(n) === tag);
export const element = (nodes: XmlNode[], tag: string): XmlNode | undefined => nodes.find((n) => tagOf(n) === tag);
export const getAttr = (n: XmlNode, name: string): string | undefined => n[':@']?.[`@_${name}`];
export function setAttr(n: XmlNode, name: string, value: string): void {
  n[':@'] = { ...(n[':@'] ?? {}), [`@_${name}`]: value };
}
/** A new element with attributes and children. */
export const el = (tag: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlNode => {
  const n: XmlNode = { [tag]: children };
  if (Object.keys(attrs).length) n[':@'] = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`@_${k}`, v]));
  return n;
};
