// The curation file, `<store>/curation.json`: the researcher's decisions, one entry each (id, op,
// date, author, note and the entities as they were seen), pretty-printed so that it diffs and merges
// well under version control. Every graph the store builds goes through curatedGraph, which applies
// the decisions right after buildGraph; graph.json records the digest of the decisions it reflects, so
// a changed curation file (a command, the viewer, a hand edit, a `git pull`) rebuilds the graph.
// Writes are atomic; make them holding the store's lock (src/store/curation.ts does).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { CurationFileError, errorMessage } from '../errors.js';
import type { KGraph } from '../graph/build.js';
import {
  applyCuration,
  CURATION_OPS,
  isNodeKind,
  isRelationKind,
  type CurationReport,
  type Decision,
  type DecisionOutcome,
} from '../curation/curation.js';
import { writeFileAtomic } from '../store/atomic.js';

export const CURATION_FILE = 'curation.json';
export const CURATION_FORMAT = 'kunafoni-curation';
export const CURATION_VERSION = 1;

export interface CurationFile {
  format: typeof CURATION_FORMAT;
  version: number;
  decisions: Decision[];
}

/** What the curated graph records about its curation (graph attribute `curation`; it travels with the JSON export). */
export interface CurationSummary {
  decisions: number;
  applied: number;
  /** Digest of the decisions applied: graph.json is reused only while the file says the same. */
  digest: string;
  /** Decisions that no longer apply to the articles, with the reason. */
  stale: Pick<DecisionOutcome, 'id' | 'op' | 'message'>[];
}

export const curationPath = (dir: string) => join(resolve(dir), CURATION_FILE);

/** The OS user name, the default author of a decision. */
export function defaultAuthor(): string {
  try {
    return userInfo().username || process.env.USER || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// reading and validating

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function checkEntity(v: unknown, where: string): void {
  if (!isObj(v) || typeof v.key !== 'string' || typeof v.label !== 'string' || !isNodeKind(v.kind))
    throw new Error(`${where} must be {key, label, kind} with kind person|organisation|topic|place`);
}

function checkRelation(v: unknown, where: string): void {
  if (!isObj(v) || typeof v.key !== 'string' || !isRelationKind(v.kind))
    throw new Error(`${where} must be {key, kind, source, target} with a known relation kind`);
  checkEntity(v.source, `${where}.source`);
  checkEntity(v.target, `${where}.target`);
}

/** Check one decision read from the file; the message says which field is wrong. */
function checkDecision(d: unknown, i: number, ids: Set<string>): Decision {
  const where = `decision ${i + 1}`;
  if (!isObj(d)) throw new Error(`${where} is not an object`);
  const at = `${where} (${typeof d.id === 'string' ? d.id : 'no id'})`;
  if (typeof d.id !== 'string' || !d.id) throw new Error(`${where} has no "id"`);
  if (ids.has(d.id)) throw new Error(`${at}: the id is used twice (give one of them another id)`);
  ids.add(d.id);
  if (!(CURATION_OPS as readonly unknown[]).includes(d.op))
    throw new Error(`${at}: "op" must be one of ${CURATION_OPS.join(', ')}, got ${JSON.stringify(d.op)}`);
  if (typeof d.date !== 'string' || Number.isNaN(Date.parse(d.date)))
    throw new Error(`${at}: "date" must be an ISO date`);
  if (typeof d.author !== 'string') throw new Error(`${at}: "author" must be a string`);
  if (d.note !== undefined && typeof d.note !== 'string') throw new Error(`${at}: "note" must be a string`);
  switch (d.op) {
    case 'merge':
      checkEntity(d.entity, `${at}: "entity"`);
      checkEntity(d.into, `${at}: "into"`);
      break;
    case 'rename':
      checkEntity(d.entity, `${at}: "entity"`);
      if (typeof d.label !== 'string' || !d.label.trim()) throw new Error(`${at}: "label" must be a non-empty string`);
      break;
    case 'retype':
      checkEntity(d.entity, `${at}: "entity"`);
      if (!isNodeKind(d.kind)) throw new Error(`${at}: "kind" must be person, organisation, topic or place`);
      break;
    case 'delete':
      checkEntity(d.entity, `${at}: "entity"`);
      break;
    case 'split':
      checkEntity(d.entity, `${at}: "entity"`);
      if (typeof d.alias !== 'string' || !d.alias.trim()) throw new Error(`${at}: "alias" must be a non-empty string`);
      if (d.kind !== undefined && !isNodeKind(d.kind))
        throw new Error(`${at}: "kind" must be person, organisation, topic or place`);
      break;
    case 'delete-relation':
    case 'verify':
      checkRelation(d.relation, `${at}: "relation"`);
      break;
  }
  return d as unknown as Decision;
}

/** Parse the curation file's text; throws a StoreError naming the file and the bad entry. */
export function parseCuration(text: string, shown: string): Decision[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CurationFileError(
      shown,
      `${CURATION_FILE} is not valid JSON (${errorMessage(err)}); fix it by hand or restore it from version control`,
    );
  }
  if (!isObj(data) || data.format !== CURATION_FORMAT || !Array.isArray(data.decisions))
    throw new CurationFileError(
      shown,
      `${CURATION_FILE} is not a kunafoni curation file ` +
        `({"format": "${CURATION_FORMAT}", "version": 1, "decisions": [...]})`,
    );
  if (typeof data.version !== 'number' || data.version > CURATION_VERSION)
    throw new CurationFileError(
      shown,
      `${CURATION_FILE} was written by a newer kunafoni (version ${String(data.version)}); upgrade kunafoni`,
    );
  const ids = new Set<string>();
  try {
    return data.decisions.map((d, i) => checkDecision(d, i, ids));
  } catch (err) {
    throw new CurationFileError(shown, `${CURATION_FILE}: ${errorMessage(err)}`);
  }
}

/** The store's decisions, oldest first ([] when there is no curation file). */
export async function readCuration(dir: string): Promise<Decision[]> {
  let text: string;
  try {
    text = await readFile(curationPath(dir), 'utf8');
  } catch (err) {
    // no file, or no store folder at all (a path that is a file: the store itself says so)
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR')
      return [];
    throw new CurationFileError(dir, `cannot read ${CURATION_FILE} (${errorMessage(err)})`);
  }
  return parseCuration(text, dir);
}

/** The file's text: one decision per entry, keys in a stable order, two-space indent. */
export const formatCuration = (decisions: readonly Decision[]): string =>
  JSON.stringify(
    { format: CURATION_FORMAT, version: CURATION_VERSION, decisions: [...decisions] } satisfies CurationFile,
    null,
    2,
  ) + '\n';

/** Write the decisions atomically. Call it holding the store's lock. */
export async function writeCuration(dir: string, decisions: readonly Decision[]): Promise<void> {
  await writeFileAtomic(curationPath(dir), formatCuration(decisions));
}

export const curationDigest = (decisions: readonly Decision[]): string | undefined =>
  decisions.length ? createHash('sha256').update(JSON.stringify(decisions)).digest('hex').slice(0, 32) : undefined;

// ---------------------------------------------------------------------------------------------
// the curated graph

/** The curation summary a graph carries, if it was curated. */
export function curationOf(graph: KGraph): CurationSummary | undefined {
  const c = graph.getAttribute('curation') as CurationSummary | undefined;
  return c && typeof c === 'object' && typeof c.digest === 'string' ? c : undefined;
}

const summarise = (report: CurationReport, digest: string): CurationSummary => ({
  decisions: report.decisions,
  applied: report.applied,
  digest,
  stale: report.stale.map(({ id, op, message }) => ({ id, op, message })),
});

/** Apply decisions to a freshly built graph and record the summary on it. */
export function curate(graph: KGraph, decisions: readonly Decision[]): { graph: KGraph; report: CurationReport } {
  const digest = curationDigest(decisions);
  if (!digest) return { graph, report: { decisions: 0, applied: 0, stale: [], outcomes: [] } };
  const out = applyCuration(graph, decisions);
  out.graph.setAttribute('curation', summarise(out.report, digest));
  return out;
}

/**
 * The store's graph with its curation applied: `cached` (read from graph.json) when it reflects the
 * current curation file, else `build()` (buildGraph over the articles) with the decisions applied.
 */
export async function curatedGraph(dir: string, cached: KGraph | undefined, build: () => KGraph): Promise<KGraph> {
  const decisions = await readCuration(dir);
  if (cached && curationOf(cached)?.digest === curationDigest(decisions)) return cached;
  return curate(build(), decisions).graph;
}

/**
 * The store's graph with its curation applied, whatever `graph` is: a graph already curated with the
 * current decisions is returned as it is; one without curation (the incremental fold, a snapshot) is
 * curated; one curated with older decisions is rebuilt by `uncurated()` first, so no decision applies twice.
 */
export async function curatedFrom(
  dir: string,
  graph: KGraph,
  uncurated: () => KGraph | Promise<KGraph>,
): Promise<KGraph> {
  const decisions = await readCuration(dir);
  const applied = curationOf(graph);
  if (applied?.digest === curationDigest(decisions)) return graph;
  return curate(applied ? await uncurated() : graph, decisions).graph;
}
