// The side panel: a node's identity and its relations grouped by kind, or an edge, each relation
// with its evidence (sentence, article title, outlet, date, link). Rendered as text only.
import { append, clear, el, safeHref } from './dom.js';
import {
  NODE_KIND_LABELS,
  RELATION_LABELS,
  RELATION_NAMES,
  STRINGS,
  dateRange,
  formatDate,
  type Lang,
} from './i18n.js';
import { RELATION_KINDS, type Evidence, type RelationKind, type ViewGraph } from './model.js';
import { EDGE_COLORS, NODE_COLORS } from './palette.js';
import type { ArticleIndex } from './articles.js';
import { nodeLabel, roleLabel } from './labels.js';

export interface PanelContext {
  graph: ViewGraph;
  articles: ArticleIndex;
  lang: Lang;
  /** Edges the filters let through; relations outside them are listed last, marked. */
  visibleEdges: Set<string>;
  select(sel: { kind: 'node' | 'edge'; key: string }): void;
}

const MAX_EDGES_PER_KIND = 100;
const MAX_EVIDENCE = 20;

function swatch(color: string): HTMLSpanElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = color; // CSSOM, allowed under the CSP
  return s;
}

function field(dl: HTMLDListElement, term: string, value: Node | string | undefined): void {
  if (value === undefined || value === '') return;
  append(dl, el('dt', {}, term), el('dd', {}, value));
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'");

/**
 * Where the names occur in the sentence (accents, case and apostrophes aside), as [start, end) ranges
 * that do not overlap, longest name first. Folding keeps one character per character for the Latin
 * letters our names use, so the ranges index the sentence itself.
 */
export function nameRanges(sentence: string, names: string[]): [number, number][] {
  const folded = fold(sentence);
  if (folded.length !== sentence.length) return [];
  const out: [number, number][] = [];
  for (const name of [...new Set(names.map(fold).filter((n) => n.length > 2))].sort((a, b) => b.length - a.length)) {
    for (let i = folded.indexOf(name); i >= 0; i = folded.indexOf(name, i + 1)) {
      const end = i + name.length;
      const word = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
      if (word(folded[i - 1]) || word(folded[end])) continue;
      if (out.some(([a, b]) => i < b && end > a)) continue;
      out.push([i, end]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The sentence as text, the entities' names in <mark>. */
function markedSentence(sentence: string, names: string[]): HTMLQuoteElement {
  const q = el('blockquote', { class: 'sentence' });
  let at = 0;
  for (const [a, b] of nameRanges(sentence, names)) {
    append(q, sentence.slice(at, a), el('mark', {}, sentence.slice(a, b)));
    at = b;
  }
  append(q, sentence.slice(at));
  return q;
}

/** Every name of an entity, and a person's surname alone (articles name people by it after the first mention). */
export function entityNames(graph: ViewGraph, key: string): string[] {
  const a = graph.getNodeAttributes(key);
  const names = [a.label, ...(a.aliases ?? [])];
  if (a.kind === 'person') for (const n of [...names]) names.push(n.split(/\s+/).at(-1)!);
  return names;
}

/**
 * One evidence entry: the sentence verbatim (the two entities marked), then title — outlet, date, a
 * link when safe, the rule that read it and its confidence. A title that is the sentence itself is not
 * repeated.
 */
export function evidenceItem(
  ev: Evidence,
  ctx: Pick<PanelContext, 'articles' | 'lang'>,
  names: string[] = [],
): HTMLLIElement {
  const t = STRINGS[ctx.lang];
  const art = ctx.articles.get(ev.article);
  const title = ev.title ?? art?.title;
  const source = ev.source ?? art?.source;
  const date = ev.date ?? art?.date;
  const url = safeHref(ev.url ?? art?.url);
  const cite = el('div', { class: 'cite' });
  const sameAsSentence =
    !!title && fold(ev.sentence).replace(/\W+/g, ' ').trim().startsWith(fold(title).replace(/\W+/g, ' ').trim());
  if (!sameAsSentence) append(cite, el('cite', { class: 'title' }, title || t.untitled), ' — ');
  append(
    cite,
    el('span', { class: 'outlet' }, source || t.unknownSource),
    ', ',
    el('time', date ? { datetime: date } : {}, formatDate(date, ctx.lang)),
  );
  if (url)
    append(
      cite,
      ' ',
      el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'read' }, t.readArticle),
    );
  const extras: (string | undefined)[] = [
    ev.role && `${t.role} : ${roleLabel(ev.role, ctx.lang)}`,
    ev.commitment && `${t.commitment} : ${ev.commitment}`,
  ];
  const how = [
    ev.rule && `${t.rule} ${ev.rule}`,
    typeof ev.confidence === 'number' && `${t.confidence} ${ev.confidence.toFixed(2)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return el(
    'li',
    { class: 'evidence' },
    markedSentence(ev.sentence, names),
    cite,
    ...extras.filter(Boolean).map((x) => el('div', { class: 'detail' }, x!)),
    how ? el('div', { class: 'detail rule' }, how) : null,
  );
}

function evidenceList(evidence: Evidence[], ctx: PanelContext, edge?: string): HTMLUListElement {
  const t = STRINGS[ctx.lang];
  const ul = el('ul', { class: 'evidence-list' });
  const names = edge ? ctx.graph.extremities(edge).flatMap((n) => entityNames(ctx.graph, n)) : [];
  for (const ev of evidence.slice(0, MAX_EVIDENCE)) ul.appendChild(evidenceItem(ev, ctx, names));
  if (evidence.length > MAX_EVIDENCE)
    ul.appendChild(el('li', { class: 'more' }, t.more(evidence.length - MAX_EVIDENCE)));
  return ul;
}

function nodeButton(key: string, ctx: PanelContext): HTMLButtonElement {
  const a = ctx.graph.getNodeAttributes(key);
  const b = el(
    'button',
    { type: 'button', class: 'link', 'data-node': key },
    swatch(NODE_COLORS[a.kind]),
    nodeLabel(a, ctx.lang),
  );
  b.addEventListener('click', () => ctx.select({ kind: 'node', key }));
  return b;
}

function edgeSummary(edge: string, ctx: PanelContext): HTMLElement {
  const t = STRINGS[ctx.lang];
  const a = ctx.graph.getEdgeAttributes(edge);
  const parts: (string | undefined)[] = [
    `${t.weight} : ${a.weight}`,
    a.sources.length ? `${t.sources} : ${a.sources.join(', ')}` : undefined,
    typeof a.confidence === 'number' ? `${t.confidence} ${a.confidence.toFixed(2)}` : undefined,
    dateRange(a.firstSeen, a.lastSeen, ctx.lang),
  ];
  return el('div', { class: 'meta' }, parts.filter(Boolean).join(' · '));
}

export function renderNodePanel(root: HTMLElement, key: string, ctx: PanelContext): void {
  const t = STRINGS[ctx.lang];
  const g = ctx.graph;
  const a = g.getNodeAttributes(key);
  clear(root);
  const header = el('header', {}, el('h2', { class: 'label' }, nodeLabel(a, ctx.lang)));
  const kind = el('span', { class: 'kind' }, swatch(NODE_COLORS[a.kind]), NODE_KIND_LABELS[ctx.lang][a.kind] ?? a.kind);
  header.appendChild(kind);
  root.appendChild(header);
  const dl = el('dl', { class: 'facts' });
  field(dl, t.aliases, (a.aliases ?? []).join(' · '));
  field(dl, t.roles, (a.roles ?? []).map((r) => roleLabel(r, ctx.lang)).join(' · '));
  field(dl, t.mentions, String(a.mentions ?? 0));
  field(dl, t.firstSeen, a.firstSeen ? formatDate(a.firstSeen, ctx.lang) : undefined);
  field(dl, t.lastSeen, a.lastSeen ? formatDate(a.lastSeen, ctx.lang) : undefined);
  root.appendChild(dl);

  const byKind = new Map<RelationKind, string[]>();
  g.forEachEdge(key, (edge, ea) => {
    let list = byKind.get(ea.kind);
    if (!list) byKind.set(ea.kind, (list = []));
    list.push(edge);
  });
  if (!byKind.size) return void root.appendChild(articleList(a.articles ?? [], ctx));
  root.appendChild(el('h3', {}, t.relations));
  for (const kind of RELATION_KINDS) {
    const edges = byKind.get(kind);
    if (!edges) continue;
    // visible first, then by number of articles
    edges.sort(
      (x, y) =>
        Number(ctx.visibleEdges.has(y)) - Number(ctx.visibleEdges.has(x)) ||
        g.getEdgeAttribute(y, 'weight') - g.getEdgeAttribute(x, 'weight'),
    );
    const section = el('section', { class: 'relations', 'data-kind': kind });
    section.appendChild(el('h4', {}, swatch(EDGE_COLORS[kind]), `${RELATION_NAMES[ctx.lang][kind]} (${edges.length})`));
    const ul = el('ul', { class: 'relation-list' });
    for (const edge of edges.slice(0, MAX_EDGES_PER_KIND)) {
      const ea = g.getEdgeAttributes(edge);
      const [s, tg] = g.extremities(edge);
      const other = s === key ? tg : s;
      const outgoing = g.isUndirected(edge) ? '—' : s === key ? '→' : '←';
      const qualifier = ea.role ? roleLabel(ea.role, ctx.lang) : ea.commitment;
      const head = el(
        'div',
        { class: 'relation-head' },
        el('span', { class: 'dir', title: RELATION_LABELS[ctx.lang][kind] }, outgoing),
        ' ',
        nodeButton(other, ctx),
        qualifier ? el('span', { class: 'qualifier' }, ` (${qualifier})`) : null,
      );
      const open = el('button', { type: 'button', class: 'link small', 'data-edge': edge }, t.evidence);
      open.addEventListener('click', () => ctx.select({ kind: 'edge', key: edge }));
      head.append(' ', open);
      const li = el(
        'li',
        { class: ctx.visibleEdges.has(edge) ? 'relation' : 'relation filtered', 'data-edge': edge },
        head,
        edgeSummary(edge, ctx),
        evidenceList(ea.evidence, ctx, edge),
      );
      ul.appendChild(li);
    }
    if (edges.length > MAX_EDGES_PER_KIND)
      ul.appendChild(el('li', { class: 'more' }, t.more(edges.length - MAX_EDGES_PER_KIND)));
    section.appendChild(ul);
    root.appendChild(section);
  }
}

export function renderEdgePanel(root: HTMLElement, edge: string, ctx: PanelContext): void {
  const t = STRINGS[ctx.lang];
  const g = ctx.graph;
  const a = g.getEdgeAttributes(edge);
  const [s, tg] = g.extremities(edge);
  clear(root);
  const title = el(
    'h2',
    { class: 'label' },
    nodeButton(s, ctx),
    ` ${RELATION_LABELS[ctx.lang][a.kind] ?? a.kind} `,
    nodeButton(tg, ctx),
  );
  root.appendChild(
    el(
      'header',
      {},
      title,
      el('span', { class: 'kind' }, swatch(EDGE_COLORS[a.kind]), RELATION_NAMES[ctx.lang][a.kind] ?? a.kind),
    ),
  );
  const dl = el('dl', { class: 'facts' });
  field(dl, t.role, a.role && roleLabel(a.role, ctx.lang));
  field(dl, t.commitment, a.commitment);
  root.appendChild(dl);
  root.appendChild(edgeSummary(edge, ctx));
  root.appendChild(el('h3', {}, `${t.evidence} (${a.evidence.length})`));
  root.appendChild(evidenceList(a.evidence, ctx, edge));
}

/** An entity without relations: the articles that name it (title, outlet, date, link). */
function articleList(ids: string[], ctx: PanelContext): HTMLElement {
  const t = STRINGS[ctx.lang];
  const ul = el('ul', { class: 'article-list' });
  for (const id of ids.slice(0, MAX_EVIDENCE)) {
    const art = ctx.articles.get(id);
    const url = safeHref(art?.url);
    const li = el(
      'li',
      { class: 'article', 'data-article': id },
      el('cite', { class: 'title' }, art?.title || t.untitled),
      ' — ',
      art?.source || t.unknownSource,
      ', ',
      formatDate(art?.date, ctx.lang),
    );
    if (url)
      append(
        li,
        ' ',
        el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'read' }, t.readArticle),
      );
    ul.appendChild(li);
  }
  if (ids.length > MAX_EVIDENCE) ul.appendChild(el('li', { class: 'more' }, t.more(ids.length - MAX_EVIDENCE)));
  return el(
    'section',
    { class: 'articles' },
    el('h3', {}, `${t.articles} (${ids.length})`),
    el('p', { class: 'hint' }, t.noRelation),
    ul,
  );
}
