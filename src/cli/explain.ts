// `kunafoni explain A B`: why the edges between two entities exist — for each edge, the rules that
// fired, the sentences they read, the confidence, how the names were resolved, and the relation scorer's
// strongest features.
import { Command } from 'commander';
import { ruleReason } from '../nlp/reasons.js';
import { queryGraph } from '../query/query.js';
import { DEFAULT_STORE, loadStore } from '../library/store.js';
import type { KGraph } from '../graph/build.js';
import type { EdgeAttributes, Evidence, NodeAttributes } from '../types.js';
import type { CliIO } from './io.js';

export interface Explanation {
  a: { key: string; label: string; kind: string; aliases: string[] };
  b: { key: string; label: string; kind: string; aliases: string[] };
  edges: Array<
    {
      key: string;
      kind: string;
      from: string;
      to: string;
      directed: boolean;
      weight: number;
      confidence?: number;
    } & Pick<EdgeAttributes, 'evidence' | 'role' | 'commitment' | 'status' | 'sources'>
  >;
  /** Why each rule cited by the evidence exists (its record's reason), by rule id. */
  rules: Record<string, string>;
}

const entitySummary = (key: string, a: NodeAttributes) => ({ key, label: a.label, kind: a.kind, aliases: a.aliases });

type ExplainedEdge = Explanation['edges'][number];

export const explainCommand = (io: CliIO) =>
  new Command('explain')
    .description('why the edges between two entities exist: rules, sentences, confidence, resolution steps')
    .argument('<a>', 'an entity (any of its names, accents and case ignored)')
    .argument('<b>', 'another entity')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  kunafoni explain "Leyti N'Diaye" "Orange Mali"
  kunafoni explain huawei "jean sun wei" --json | jq '.edges[].evidence[].rule'`,
    )
    .action(async (aName: string, bName: string, opts: { store: string; json?: boolean }) => {
      const store = await loadStore(opts.store, { mustExist: true });
      const explanation = explain(store.graph, aName, bName);
      io.out(opts.json ? JSON.stringify(explanation, null, 2) + '\n' : explanationText(explanation));
    });

/** The edges between two named entities, both ways, with their evidence and the reasons of the rules cited. */
function explain(graph: KGraph, aName: string, bName: string): Explanation {
  const query = queryGraph(graph);
  const a = query.resolve(aName);
  const b = query.resolve(bName);
  const keys = [...new Set([...graph.edges(a, b), ...graph.edges(b, a)])].sort();
  const out: Explanation = {
    a: entitySummary(a, graph.getNodeAttributes(a)),
    b: entitySummary(b, graph.getNodeAttributes(b)),
    edges: keys.map((key) => explainedEdge(graph, key)),
    rules: {},
  };
  for (const e of out.edges)
    for (const ev of e.evidence) {
      const why = ruleReason(ev.rule);
      if (why) out.rules[ev.rule] = why;
    }
  return out;
}

function explainedEdge(graph: KGraph, key: string): ExplainedEdge {
  const attrs = graph.getEdgeAttributes(key);
  const edge: ExplainedEdge = {
    key,
    kind: attrs.kind,
    from: graph.getNodeAttribute(graph.source(key), 'label'),
    to: graph.getNodeAttribute(graph.target(key), 'label'),
    directed: graph.isDirected(key),
    weight: attrs.weight,
    evidence: attrs.evidence,
    sources: attrs.sources,
  };
  for (const field of ['role', 'commitment', 'status', 'confidence'] as const)
    if (attrs[field] !== undefined) (edge as Record<string, unknown>)[field] = attrs[field];
  return edge;
}

/** An entity's label and kind, and the other spellings it goes by. */
function namesOf(x: Explanation['a']): string {
  const aliases = x.aliases.length ? `; also written ${x.aliases.map((s) => `"${s}"`).join(', ')}` : '';
  return `${x.label} (${x.kind}${aliases})`;
}

function explanationText(out: Explanation): string {
  const lines: string[] = [namesOf(out.a), namesOf(out.b), ''];
  if (!out.edges.length)
    lines.push('No relation links them directly. Try `kunafoni query path` for a chain of relations.');
  for (const e of out.edges) {
    lines.push(edgeHeading(e));
    for (const ev of e.evidence) lines.push(...evidenceLines(ev, out.rules[ev.rule]));
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** `kind: from → to  (N articles, confidence x)`, then the role, commitment and status on a second line. */
function edgeHeading(e: ExplainedEdge): string {
  const extra = [
    e.role && `role: ${e.role}`,
    e.commitment && `commitment: "${e.commitment}"`,
    e.status && `status: ${e.status}`,
  ]
    .filter(Boolean)
    .join('; ');
  const confidence = e.confidence !== undefined ? `, confidence ${e.confidence}` : '';
  const count = `${e.weight} article${e.weight > 1 ? 's' : ''}${confidence}`;
  return `${e.kind}: ${e.from} ${e.directed ? '→' : '—'} ${e.to}  (${count})${extra ? `\n  ${extra}` : ''}`;
}

function evidenceLines(ev: Evidence, why: string | undefined): string[] {
  const eventDate = ev.eventDate && ev.eventDate !== ev.date ? `event ${ev.eventDate} (${ev.eventPrecision})` : '';
  const when = [ev.date, eventDate].filter(Boolean).join(', ');
  const confidence = ev.confidence !== undefined ? ` (confidence ${ev.confidence})` : '';
  const lines = [`  • rule ${ev.rule}${confidence} — ${[ev.source, when, ev.title].filter(Boolean).join(' · ')}`];
  if (why) lines.push(`    why: ${why}`);
  lines.push(`    « ${ev.sentence.replace(/\s+/g, ' ')} »`);
  for (const step of ev.steps ?? []) lines.push(`    resolved: ${step}`);
  if (ev.features?.length) lines.push(`    scorer: ${ev.features.join(', ')}`);
  return lines;
}
