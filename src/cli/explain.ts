// `kunafoni explain A B`: why the edges between two entities exist — for each edge, the rules that
// fired, the sentences they read, the confidence, how the names were resolved, and the relation scorer's
// strongest features.
import { Command } from 'commander';
import { ruleReason } from '../nlp/reasons.js';
import { queryGraph } from '../query/query.js';
import { DEFAULT_STORE, loadStore } from '../library/store.js';
import type { EdgeAttributes, NodeAttributes } from '../types.js';
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

const node = (key: string, a: NodeAttributes) => ({ key, label: a.label, kind: a.kind, aliases: a.aliases });

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
      const g = store.graph;
      const q = queryGraph(g);
      const a = q.resolve(aName);
      const b = q.resolve(bName);
      const keys = [...new Set([...g.edges(a, b), ...g.edges(b, a)])].sort();
      const out: Explanation = {
        a: node(a, g.getNodeAttributes(a)),
        b: node(b, g.getNodeAttributes(b)),
        edges: keys.map((k) => {
          const at = g.getEdgeAttributes(k);
          const e: Explanation['edges'][number] = {
            key: k,
            kind: at.kind,
            from: g.getNodeAttribute(g.source(k), 'label'),
            to: g.getNodeAttribute(g.target(k), 'label'),
            directed: g.isDirected(k),
            weight: at.weight,
            evidence: at.evidence,
            sources: at.sources,
          };
          for (const f of ['role', 'commitment', 'status', 'confidence'] as const)
            if (at[f] !== undefined) (e as Record<string, unknown>)[f] = at[f];
          return e;
        }),
        rules: {},
      };
      for (const e of out.edges)
        for (const ev of e.evidence) {
          const why = ruleReason(ev.rule);
          if (why) out.rules[ev.rule] = why;
        }
      if (opts.json) return io.out(JSON.stringify(out, null, 2) + '\n');
      const lines: string[] = [];
      const names = (x: Explanation['a']) =>
        `${x.label} (${x.kind}${x.aliases.length ? `; also written ${x.aliases.map((s) => `"${s}"`).join(', ')}` : ''})`;
      lines.push(`${names(out.a)}`, `${names(out.b)}`, '');
      if (!out.edges.length)
        lines.push('No relation links them directly. Try `kunafoni query path` for a chain of relations.');
      for (const e of out.edges) {
        const extra = [
          e.role && `role: ${e.role}`,
          e.commitment && `commitment: "${e.commitment}"`,
          e.status && `status: ${e.status}`,
        ]
          .filter(Boolean)
          .join('; ');
        lines.push(
          `${e.kind}: ${e.from} ${e.directed ? '→' : '—'} ${e.to}  (${e.weight} article${e.weight > 1 ? 's' : ''}${e.confidence !== undefined ? `, confidence ${e.confidence}` : ''})${extra ? `\n  ${extra}` : ''}`,
        );
        for (const ev of e.evidence) {
          const when = [
            ev.date,
            ev.eventDate && ev.eventDate !== ev.date ? `event ${ev.eventDate} (${ev.eventPrecision})` : '',
          ]
            .filter(Boolean)
            .join(', ');
          lines.push(
            `  • rule ${ev.rule}${ev.confidence !== undefined ? ` (confidence ${ev.confidence})` : ''} — ${[ev.source, when, ev.title].filter(Boolean).join(' · ')}`,
          );
          if (out.rules[ev.rule]) lines.push(`    why: ${out.rules[ev.rule]}`);
          lines.push(`    « ${ev.sentence.replace(/\s+/g, ' ')} »`);
          for (const s of ev.steps ?? []) lines.push(`    resolved: ${s}`);
          if (ev.features?.length) lines.push(`    scorer: ${ev.features.join(', ')}`);
        }
        lines.push('');
      }
      io.out(lines.join('\n').trimEnd() + '\n');
    });
