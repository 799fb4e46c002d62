// The trained relation scorer: a logistic regression over the candidates' features (features.ts),
// weights as JSON in data/models/relations.json (`npm run train`). It turns every candidate into a
// probability; the relations kept are the candidates at or above the model's threshold (chosen for
// precision when the model was trained), each carrying that probability as its confidence and, in its
// evidence, the rule ids and the features that weighed most.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang, LocalEntity, LocalRelation } from '../types.js';
import { candidatesOf, groupCandidates, type Candidate, type CandidateGroup, type Span } from './candidates.js';
import { featuresOf, groupFeatures, type FeatureContext } from './features.js';
import { lexicon } from './lexicon.js';

export interface RelationModel {
  version: 1;
  /** Features that were left out when training (e.g. the rule ids, for the "model alone" configuration). */
  withoutRules: boolean;
  /**
   * The rules' relations are kept as they are and the model only adds candidates no rule read (it was
   * trained on those alone); otherwise every candidate, the rules' included, stands or falls by its score.
   */
  keepRules?: boolean;
  /** Candidates whose probability is at least this are kept... */
  threshold: number;
  /** ...or at least this for their kind, when the kind had examples enough to choose one. */
  thresholds?: Record<string, number>;
  /** How the weights were made: training set sizes, hyper-parameters, cross-validated figures. */
  about: Record<string, unknown>;
  weights: Record<string, number>;
}

export const MODEL_FILE = fileURLToPath(new URL('../../data/models/relations.json', import.meta.url));

/** What extraction does with the rules' relations and the candidates. */
export type ScoringMode =
  /** the rules' relations as they are, no model */
  | { mode: 'rules' }
  /** every candidate scored; those at or above the threshold are the relations */
  | { mode: 'model'; model: RelationModel; minConfidence?: number };

let cached: ScoringMode | undefined;

/** Reads and checks a model file; throws an error naming the file and the problem. */
export function readModel(file: string): RelationModel {
  let m: RelationModel;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as RelationModel;
  } catch (err) {
    throw new Error(`relation model ${file}: cannot be read as JSON (${(err as Error).message})`, { cause: err });
  }
  if (m?.version !== 1 || typeof m.threshold !== 'number' || typeof m.weights !== 'object' || m.weights === null)
    throw new Error(`relation model ${file}: expected {version: 1, threshold: number, weights: {feature: number}}`);
  return m;
}

/**
 * The scoring extraction uses: the model in data/models/relations.json, unless KUNAFONI_MODEL names
 * another file or says `rules` (the rules alone); KUNAFONI_MIN_CONFIDENCE lowers or raises the threshold.
 * Read once per process (worker threads inherit the environment).
 */
export function scoringMode(): ScoringMode {
  if (cached) return cached;
  const env = process.env.KUNAFONI_MODEL;
  const file = env && env !== 'rules' ? env : MODEL_FILE;
  if (env === 'rules' || !existsSync(file)) return (cached = { mode: 'rules' });
  const min = process.env.KUNAFONI_MIN_CONFIDENCE;
  cached = { mode: 'model', model: readModel(file) };
  if (min !== undefined && min !== '') {
    const v = Number(min);
    if (!(v >= 0 && v <= 1))
      throw new Error(`KUNAFONI_MIN_CONFIDENCE: expected a number between 0 and 1, got "${min}"`);
    cached.minConfidence = v;
  }
  return cached;
}

/** Replaces the scoring mode of this process (tests, scripts). `undefined` goes back to the default. */
export function setScoringMode(mode: ScoringMode | undefined): void {
  cached = mode;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's probability for a feature list. */
export function probability(model: RelationModel, features: string[]): number {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** The model's probability for a feature list, and the features that pushed it most either way. */
export function score(model: RelationModel, features: string[]): { p: number; top: string[] } {
  const parts: Array<[string, number]> = [];
  for (const f of features) {
    const w = model.weights[f];
    if (w !== undefined) parts.push([f, w]);
  }
  parts.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
  return { p: probability(model, features), top: parts.slice(0, 4).map(([f, w]) => `${f} ${w > 0 ? '+' : ''}${w}`) };
}

/** The role a candidate person holds: the one the rules gave, else a title of the lexicon in the sentence. */
function roleOf(c: Candidate, entities: Map<string, LocalEntity>, text: string): string {
  const given = c.rules.find((r) => r.role)?.role ?? entities.get(c.source)?.roles[0];
  if (given) return given;
  const s = text.slice(c.sentence.start, c.sentence.end).toLowerCase();
  const at = (c.a?.start ?? c.sentence.start) - c.sentence.start;
  let best: { role: string; d: number } | undefined;
  for (const r of lexicon().roles)
    for (const form of r.forms) {
      const i = s.indexOf(form.toLowerCase());
      if (i < 0 || !/^[\s,.;:)’']|^$/u.test(s.slice(i + form.length, i + form.length + 1))) continue;
      const d = Math.abs(i - at);
      if (!best || d < best.d) best = { role: r.role, d };
    }
  return best?.role ?? 'membre';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The relations of an article under a model. Candidates are grouped by relation (kind and ends); each
 * group is scored on the features of all its sentences. A group at or above the threshold keeps the rule
 * relations that stated it (their confidence replaced by the model's probability) or, when no rule did,
 * becomes one relation of rule `model:<kind>` on the sentence the model scores highest. `discussed`
 * relations are the rules' (no gold scores them).
 */
export function scoreRelations(
  text: string,
  lang: Lang,
  sentences: LocalRelation['sentence'][],
  entities: LocalEntity[],
  rules: LocalRelation[],
  model: RelationModel,
  minConfidence?: number,
  anaphors: Span[] = [],
): LocalRelation[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const ctx = { text, lang, withoutRules: model.withoutRules, entities: byId };
  const out: LocalRelation[] = [];
  for (const g of groupCandidates(candidatesOf(sentences, entities, rules, lang, anaphors))) {
    const ruled = g.members.flatMap((c) => c.rules);
    if (model.keepRules && ruled.length) {
      out.push(...ruled);
      continue;
    }
    const features = groupFeatures(g, ctx);
    const p = probability(model, features);
    if (p < (minConfidence ?? model.thresholds?.[g.kind] ?? model.threshold)) continue;
    const confidence = round(p);
    const { top } = score(model, features);
    if (ruled.length) {
      for (const r of ruled) out.push({ ...r, confidence, features: top });
      continue;
    }
    out.push(modelRelation(bestMember(g, model, ctx), byId, text, confidence, top));
  }
  for (const r of rules) if (r.kind === 'discussed') out.push(r);
  return out;
}

/** The sentence of a group that states it best, by the model's score of that sentence alone. */
function bestMember(g: CandidateGroup, model: RelationModel, ctx: FeatureContext): Candidate {
  let best = g.members[0]!;
  let bestP = -1;
  for (const c of g.members) {
    const p = probability(model, featuresOf(c, ctx));
    if (p > bestP) [best, bestP] = [c, p];
  }
  return best;
}

function modelRelation(
  c: Candidate,
  byId: Map<string, LocalEntity>,
  text: string,
  confidence: number,
  top: string[],
): LocalRelation {
  const rel: LocalRelation = {
    kind: c.kind,
    source: c.source,
    target: c.target,
    sentence: c.sentence,
    rule: `model:${c.kind}`,
    confidence,
    features: top,
  };
  if (c.kind === 'holds-role') rel.role = roleOf(c, byId, text);
  if (c.commitment) {
    rel.commitment = c.commitment;
    rel.status = 'announced';
  }
  return rel;
}
