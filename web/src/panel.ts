// The side panel: a node's identity and its relations grouped by kind, or an edge, each relation
// with its evidence (sentence, article title, outlet, date, link). Rendered as text only.
import { append, clear, el, safeHref } from './dom.js';
import { NODE_KIND_LABELS, RELATION_LABELS, RELATION_NAMES, STRINGS, formatDate, type Lang } from './i18n.js';
import { RELATION_KINDS, type Evidence, type RelationKind, type ViewGraph } from './model.js';
import { EDGE_COLORS, NODE_COLORS } from './palette.js';
import type { ArticleIndex } from './articles.js';

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

/** One evidence entry: the sentence verbatim, then title — outlet, date, and a link when safe. */
export function evidenceItem(ev: Evidence, ctx: Pick<PanelContext, 'articles' | 'lang'>): HTMLLIElement {
  const t = STRINGS[ctx.lang];
  const art = ctx.articles.get(ev.article);
  const title = ev.title ?? art?.title;
  const source = ev.source ?? art?.source;
  const date = ev.date ?? art?.date;
  const url = safeHref(ev.url ?? art?.url);
  const cite = el('div', { class: 'cite' });
  append(cite, el('cite', { class: 'title' }, title || t.untitled), ' — ', el('span', { class: 'outlet' }, source || t.unknownSource), ', ', el('time', date ? { datetime: date } : {}, formatDate(date, ctx.lang)));
  if (url) append(cite, ' ', el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'read' }, t.readArticle));
  const extras: (string | undefined)[] = [ev.role && `${t.role} : ${ev.role}`, ev.commitment && `${t.commitment} : ${ev.commitment}`];
  return el(
    'li',
    { class: 'evidence' },
    el('blockquote', { class: 'sentence' }, ev.sentence),
    cite,
    ...extras.filter(Boolean).map((x) => el('div', { class: 'detail' }, x!)),
  );
}

function evidenceList(evidence: Evidence[], ctx: PanelContext): HTMLUListElement {
  const t = STRINGS[ctx.lang];
  const ul = el('ul', { class: 'evidence-list' });
  for (const ev of evidence.slice(0, MAX_EVIDENCE)) ul.appendChild(evidenceItem(ev, ctx));
  if (evidence.length > MAX_EVIDENCE) ul.appendChild(el('li', { class: 'more' }, t.more(evidence.length - MAX_EVIDENCE)));
  return ul;
}

function nodeButton(key: string, ctx: PanelContext): HTMLButtonElement {
  const a = ctx.graph.getNodeAttributes(key);
  const b = el('button', { type: 'button', class: 'link', 'data-node': key }, swatch(NODE_COLORS[a.kind]), a.label);
  b.addEventListener('click', () => ctx.select({ kind: 'node', key }));
  return b;
}

function edgeSummary(edge: string, ctx: PanelContext): HTMLElement {
  const t = STRINGS[ctx.lang];
  const a = ctx.graph.getEdgeAttributes(edge);
  const parts: (string | undefined)[] = [
    `${t.weight} : ${a.weight}`,
    a.sources.length ? `${t.sources} : ${a.sources.join(', ')}` : undefined,
    a.firstSeen ? `${formatDate(a.firstSeen, ctx.lang)}${a.lastSeen && a.lastSeen !== a.firstSeen ? ` → ${formatDate(a.lastSeen, ctx.lang)}` : ''}` : undefined,
  ];
  return el('div', { class: 'meta' }, parts.filter(Boolean).join(' · '));
}

export function renderNodePanel(root: HTMLElement, key: string, ctx: PanelContext): void {
  const t = STRINGS[ctx.lang];
  const g = ctx.graph;
  const a = g.getNodeAttributes(key);
  clear(root);
  const header = el('header', {}, el('h2', { class: 'label' }, a.label));
  const kind = el('span', { class: 'kind' }, swatch(NODE_COLORS[a.kind]), NODE_KIND_LABELS[ctx.lang][a.kind] ?? a.kind);
  header.appendChild(kind);
  root.appendChild(header);
  const dl = el('dl', { class: 'facts' });
  field(dl, t.aliases, (a.aliases ?? []).join(' · '));
  field(dl, t.roles, (a.roles ?? []).join(' · '));
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
  if (!byKind.size) return;
  root.appendChild(el('h3', {}, t.relations));
  for (const kind of RELATION_KINDS) {
    const edges = byKind.get(kind);
    if (!edges) continue;
    // visible first, then by number of articles
    edges.sort((x, y) => Number(ctx.visibleEdges.has(y)) - Number(ctx.visibleEdges.has(x)) || g.getEdgeAttribute(y, 'weight') - g.getEdgeAttribute(x, 'weight'));
    const section = el('section', { class: 'relations', 'data-kind': kind });
    section.appendChild(el('h4', {}, swatch(EDGE_COLORS[kind]), `${RELATION_NAMES[ctx.lang][kind]} (${edges.length})`));
    const ul = el('ul', { class: 'relation-list' });
    for (const edge of edges.slice(0, MAX_EDGES_PER_KIND)) {
      const ea = g.getEdgeAttributes(edge);
      const [s, tg] = g.extremities(edge);
      const other = s === key ? tg : s;
      const outgoing = g.isUndirected(edge) ? '—' : s === key ? '→' : '←';
      const qualifier = ea.role ?? ea.commitment;
      const head = el('div', { class: 'relation-head' }, el('span', { class: 'dir', title: RELATION_LABELS[ctx.lang][kind] }, outgoing), ' ', nodeButton(other, ctx), qualifier ? el('span', { class: 'qualifier' }, ` (${qualifier})`) : null);
      const open = el('button', { type: 'button', class: 'link small', 'data-edge': edge }, t.evidence);
      open.addEventListener('click', () => ctx.select({ kind: 'edge', key: edge }));
      head.append(' ', open);
      const li = el('li', { class: ctx.visibleEdges.has(edge) ? 'relation' : 'relation filtered', 'data-edge': edge }, head, edgeSummary(edge, ctx), evidenceList(ea.evidence, ctx));
      ul.appendChild(li);
    }
    if (edges.length > MAX_EDGES_PER_KIND) ul.appendChild(el('li', { class: 'more' }, t.more(edges.length - MAX_EDGES_PER_KIND)));
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
  const title = el('h2', { class: 'label' }, nodeButton(s, ctx), ` ${RELATION_LABELS[ctx.lang][a.kind] ?? a.kind} `, nodeButton(tg, ctx));
  root.appendChild(el('header', {}, title, el('span', { class: 'kind' }, swatch(EDGE_COLORS[a.kind]), RELATION_NAMES[ctx.lang][a.kind] ?? a.kind)));
  const dl = el('dl', { class: 'facts' });
  field(dl, t.role, a.role);
  field(dl, t.commitment, a.commitment);
  root.appendChild(dl);
  root.appendChild(edgeSummary(edge, ctx));
  root.appendChild(el('h3', {}, `${t.evidence} (${a.evidence.length})`));
  root.appendChild(evidenceList(a.evidence, ctx));
}
