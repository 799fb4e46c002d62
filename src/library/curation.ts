// Recording and undoing curation decisions (the `kunafoni curate` commands and the viewer's API): under
// the store's lock, the request is resolved against the current curated graph, the decision appended to
// curation.json (atomically), and graph.json rebuilt from the articles with the decisions applied.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError, UsageError, errorMessage } from '../errors.js';
import type { KGraph } from '../graph/build.js';
import type { CurationReport, Decision, DecisionOutcome } from '../curation/curation.js';
import { decide, type CurationRequest, type DecisionMeta } from '../curation/curation-decide.js';
import { buildGraph } from '../graph/build.js';
import { lexiconLabels } from '../nlp/lexicon.js';
import { writeFileAtomic } from '../store/atomic.js';
import { curate, curationOf, readCuration, writeCuration, type CurationSummary } from './curation-file.js';
import { articlesDigest, loadStore, storeFiles, withStoreLock } from './store.js';

export { CURATION_FILE, curationPath, defaultAuthor, readCuration } from './curation-file.js';

/** Write graph.json for the store's current articles. Call it holding the store's lock. */
async function writeGraph(dir: string, graph: KGraph): Promise<void> {
  const f = storeFiles(resolve(dir));
  // no articles file yet is an empty store; any other failure to read it is an error naming it
  const text = await readFile(f.articles, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw new StoreError(dir, `cannot read articles.jsonl (${errorMessage(err)})`);
  });
  graph.setAttribute('articlesDigest', articlesDigest(text));
  await writeFileAtomic(f.graph, JSON.stringify(graph.export()));
}

// ---------------------------------------------------------------------------------------------
// recording and undoing decisions (the CLI and the viewer's API)

export interface CurationResult {
  decision: Decision;
  /** What applying it did (or why it could not apply). */
  outcome: DecisionOutcome;
  /** The whole curation, re-applied. */
  report: CurationReport;
  graph: KGraph;
}

export interface CurateOptions {
  /** How long to wait for another process writing the store (default 60 s). */
  lockWaitMs?: number;
}

/** Rebuild the store's graph from its articles and `decisions`, and save graph.json. Under the lock. */
async function rebuild(
  dir: string,
  decisions: readonly Decision[],
): Promise<{ graph: KGraph; report: CurationReport }> {
  const store = await loadStore(dir, { mustExist: true, build: { lexiconLabels: lexiconLabels() } });
  // rebuild from the articles with exactly these decisions
  const out = curate(buildGraph(store.articles, { lexiconLabels: lexiconLabels() }), decisions);
  await writeGraph(dir, out.graph);
  return out;
}

/** Record a decision: resolve the request against the current graph, append it to curation.json, rebuild the graph. */
export async function recordDecision(
  dir: string,
  req: CurationRequest,
  meta: DecisionMeta,
  opts: CurateOptions = {},
): Promise<CurationResult> {
  return withStoreLock(
    dir,
    async (lock) => {
      const store = await loadStore(dir, { mustExist: true, build: { lexiconLabels: lexiconLabels() } });
      const decisions = await readCuration(dir);
      const decision = decide(store.graph, req, meta, new Set(decisions.map((d) => d.id)));
      const next = [...decisions, decision];
      lock.check();
      await writeCuration(dir, next);
      const { graph, report } = await rebuild(dir, next);
      return { decision, outcome: report.outcomes[report.outcomes.length - 1]!, report, graph };
    },
    opts.lockWaitMs,
  );
}

/** Remove a decision (the latest when no id is given) and rebuild the graph without it. */
export async function undoDecision(
  dir: string,
  id?: string,
  opts: CurateOptions = {},
): Promise<{ removed: Decision; report: CurationReport; graph: KGraph }> {
  return withStoreLock(
    dir,
    async (lock) => {
      await loadStore(dir, { mustExist: true });
      const decisions = await readCuration(dir);
      if (!decisions.length) throw new UsageError(`store ${dir} has no curation decision to undo`);
      const i = id === undefined ? decisions.length - 1 : decisions.findIndex((d) => d.id === id);
      if (i < 0) throw new UsageError(`no curation decision has the id "${id}"; see \`kunafoni curate list\``);
      const removed = decisions[i]!;
      const next = decisions.filter((_, j) => j !== i);
      lock.check();
      await writeCuration(dir, next);
      const { graph, report } = await rebuild(dir, next);
      return { removed, report, graph };
    },
    opts.lockWaitMs,
  );
}

/** The decisions and what became of them on the current articles (for `curate list` and GET /api/curation). */
export async function curationStatus(
  dir: string,
): Promise<{ decisions: Decision[]; summary: CurationSummary | undefined; graph: KGraph }> {
  const store = await loadStore(dir, { mustExist: true, build: { lexiconLabels: lexiconLabels() } });
  const decisions = await readCuration(dir);
  return { decisions, summary: curationOf(store.graph), graph: store.graph };
}
