// Who held which post when. A `holds-role` edge joins a person to an organisation and keeps the role
// each sentence gives (`evidence[].role`); the edge's own `role` is only the most frequent one, so a
// DG who later chairs the board would read as chairman from the start. Here the evidence is split
// by role: one period per (person, organisation, role), from the first to the last dated sentence
// that gives that role, with the outlets and the sentences. A person's changing roles at one
// organisation are separate periods; periods are listed in the order they start.
import { normaliseName } from '../text/keys.js';
import { compareEvidence, mostFrequent } from '../graph/semantics.js';
import type { Evidence } from '../types.js';
import type { ReadonlyKGraph } from '../graph/readonly.js';
import type { EntityRef } from './types.js';

export interface RolePeriod {
  /** The role as the sentences most often word it ("Directeur général"); ties as for the edge's own role. */
  role: string;
  person: EntityRef;
  organisation: EntityRef;
  /** First and last dates of the sentences giving this role (publication dates). */
  firstSeen?: string;
  lastSeen?: string;
  /** Number of distinct articles. */
  articles: number;
  /** Distinct outlets. */
  sources: string[];
  /** The `holds-role` relation (edge key) the sentences belong to. */
  relation: string;
  /** The sentences in the evidence order of every edge (graph/semantics: undated first, then by date). */
  evidence: Evidence[];
}

/** Sentences without a role of their own take the relation's role. */
function periodsOfEdge(graph: ReadonlyKGraph, edge: string, ref: (k: string) => EntityRef): RolePeriod[] {
  const attrs = graph.getEdgeAttributes(edge);
  const groups = new Map<string, Evidence[]>();
  for (const e of attrs.evidence) {
    const role = e.role ?? attrs.role;
    if (!role) continue;
    const k = normaliseName(role);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(e);
  }
  return [...groups.values()].map((evs) => {
    const evidence = evs.map((e) => ({ ...e })).sort(compareEvidence);
    const dates = evidence.map((e) => e.date).filter((d): d is string => !!d);
    const period: RolePeriod = {
      role: mostFrequent(evidence.map((e) => e.role ?? attrs.role!))!,
      person: ref(graph.source(edge)),
      organisation: ref(graph.target(edge)),
      articles: new Set(evidence.map((e) => e.article)).size,
      sources: [...new Set(evidence.map((e) => e.source).filter((s): s is string => !!s))].sort(),
      relation: edge,
      evidence,
    };
    if (dates.length) [period.firstSeen, period.lastSeen] = [dates[0]!, dates[dates.length - 1]!];
    return period;
  });
}

/** Undated periods last; then by start, end, role and person. */
const byStart = (a: RolePeriod, b: RolePeriod) =>
  (a.firstSeen ?? '\uffff').localeCompare(b.firstSeen ?? '\uffff') ||
  (a.lastSeen ?? '\uffff').localeCompare(b.lastSeen ?? '\uffff') ||
  a.role.localeCompare(b.role, 'fr') ||
  a.person.label.localeCompare(b.person.label, 'fr') ||
  a.organisation.label.localeCompare(b.organisation.label, 'fr');

/** The role periods of the `holds-role` relations at node `key` (a person's or an organisation's). */
export function rolePeriods(graph: ReadonlyKGraph, key: string, ref: (k: string) => EntityRef): RolePeriod[] {
  const out: RolePeriod[] = [];
  graph.forEachEdge(key, (edge, attrs) => {
    if (attrs.kind === 'holds-role') out.push(...periodsOfEdge(graph, edge, ref));
  });
  return out.sort(byStart);
}
