// Training the relation scorer from gold annotations (the format of ../shared/ANNOTATION.md): candidates
// are labelled by matching their ends to the gold the way the shared scorer matches a graph (names
// normalised, aliases, committed-to by source and keyword), then an L2-regularised logistic regression is
// fitted by averaged stochastic gradient descent in a fixed order. No randomness: the same examples give
// the same weights, byte for byte.
import type { Article, Lang, LocalEntity } from '../types.js';
import { candidatesOf, groupCandidates, topicLabel, type Candidate } from './candidates.js';
import type { RuleExtraction } from './extract.js';
import { groupFeatures } from './features.js';
import type { RelationModel } from './scorer.js';

export interface GoldEntity {
  name: string;
  kind: string;
  aliases?: string[];
  optional?: boolean;
}
export interface GoldRelation {
  kind: string;
  a: string;
  b?: string;
  alt_a?: string[];
  alt_b?: string[];
  b_keywords?: string[];
  optional?: boolean;
}
export interface GoldFile {
  article?: string;
  entities?: GoldEntity[];
  ignore?: string[];
  relations?: GoldRelation[];
}

/** The shared scorer's normalisation: accents, case and punctuation aside. */
export const norm = (s: string): string =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const squash = (s: string) => norm(s).replace(/ /g, '');

/** A gold set's names: alias → entity ids (kind included), and the names scored neither way. */
export interface GoldIndex {
  byAlias: Map<string, Set<string>>;
  ignore: Set<string>;
}

export function goldIndex(files: GoldFile[]): GoldIndex {
  const byAlias = new Map<string, Set<string>>();
  const ignore = new Set<string>();
  for (const g of files) {
    for (const e of g.entities ?? [])
      for (const a of [e.name, ...(e.aliases ?? [])]) {
        const k = squash(a);
        if (!k) continue;
        if (!byAlias.has(k)) byAlias.set(k, new Set());
        byAlias.get(k)!.add(`${e.kind}:${squash(e.name)}`);
      }
    for (const n of g.ignore ?? []) ignore.add(squash(n));
  }
  return { byAlias, ignore };
}

/** The gold ids an entity of the extraction stands for ('ignore' when the gold scores it neither way). */
function goldIds(e: LocalEntity | undefined, index: GoldIndex): Set<string> | 'ignore' {
  const out = new Set<string>();
  if (!e) return out;
  for (const n of [e.name, ...e.forms]) {
    const k = squash(n);
    if (index.ignore.has(k)) return 'ignore';
    for (const id of index.byAlias.get(k) ?? []) if (id.startsWith(`${e.kind}:`)) out.add(id);
  }
  return out;
}

const SYMMETRIC = new Set(['met-with', 'signed-agreement-with', 'holds-role']);

/**
 * The label of a candidate against its article's gold: 1 when it states a required gold relation, 0 when
 * it states none, undefined when the scorer would not count it (an end it ignores, an optional relation).
 */
export function labelOf(
  c: Candidate,
  entities: Map<string, LocalEntity>,
  gold: GoldFile,
  index: GoldIndex,
  lang: Lang = 'fr',
): 0 | 1 | undefined {
  const s = goldIds(entities.get(c.source), index);
  if (s === 'ignore') return undefined;
  const resolve = (names: string[]) => new Set(names.flatMap((n) => [...(index.byAlias.get(squash(n)) ?? [])]));
  let optional = false;
  for (const r of gold.relations ?? []) {
    if (r.kind !== c.kind) continue;
    const as = resolve([r.a, ...(r.alt_a ?? [])]);
    let fits: boolean;
    if (c.kind === 'committed-to') {
      const target = entities.get(c.target)?.name ?? topicLabel(c.target, lang);
      const label = ` ${norm(`${target} ${c.commitment ?? c.rules[0]?.commitment ?? ''}`)} `;
      fits =
        [...s].some((x) => as.has(x)) &&
        (r.b_keywords ?? [])
          .map(norm)
          .filter(Boolean)
          .some((k) => label.includes(` ${k}`));
    } else {
      const t = goldIds(entities.get(c.target), index);
      if (t === 'ignore') return undefined;
      const bs = resolve([r.b ?? '', ...(r.alt_b ?? [])]);
      const hit = (x: Set<string>, y: Set<string>) => [...s].some((i) => x.has(i)) && [...t].some((i) => y.has(i));
      fits = hit(as, bs) || (SYMMETRIC.has(c.kind) && [...t].some((i) => as.has(i)) && [...s].some((i) => bs.has(i)));
    }
    if (!fits) continue;
    if (!r.optional) return 1;
    optional = true;
  }
  return optional ? undefined : 0;
}

export interface Example {
  /** The gold file it comes from (folds are made of whole files). */
  group: string;
  features: string[];
  y: 0 | 1;
  /** Whether a rule stated the candidate. */
  ruled: boolean;
}

/** The labelled candidates of one article (of one gold file). */
export function examplesOf(
  article: Article,
  x: RuleExtraction,
  gold: GoldFile,
  index: GoldIndex,
  group: string,
  withoutRules = false,
): Example[] {
  const entities = new Map(x.entities.map((e) => [e.id, e]));
  const out: Example[] = [];
  const ctx = { text: article.text, lang: article.lang, withoutRules, entities };
  for (const g of groupCandidates(candidatesOf(x.sentences, x.entities, x.relations, article.lang, x.anaphors))) {
    const y = labelOf(g.members[0]!, entities, gold, index, article.lang);
    if (y === undefined) continue;
    out.push({ group, features: groupFeatures(g, ctx), y, ruled: g.members.some((c) => c.rules.length > 0) });
  }
  return out;
}

export interface TrainOptions {
  epochs: number;
  /** Learning rate at the first step; it decays as 1 / (1 + t / n). */
  rate: number;
  /** L2 penalty per example. */
  l2: number;
}
export const DEFAULT_TRAIN: TrainOptions = { epochs: 30, rate: 0.2, l2: 0.005 };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logistic regression by averaged SGD over the examples in the order given. */
export function fitLogistic(examples: Example[], o: TrainOptions = DEFAULT_TRAIN): Map<string, number> {
  const w = new Map<string, number>();
  const sum = new Map<string, number>(); // for the average of the weights over every step
  const n = Math.max(1, examples.length);
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++)
    for (const ex of examples) {
      const lr = o.rate / (1 + t / n);
      let z = 0;
      for (const f of ex.features) z += w.get(f) ?? 0;
      const g = ex.y - sigmoid(z);
      for (const f of ex.features) {
        const v = w.get(f) ?? 0;
        const nv = v + lr * (g - o.l2 * v);
        w.set(f, nv);
        // averaging: every step from t on carries this change
        sum.set(f, (sum.get(f) ?? 0) + (nv - v) * (o.epochs * examples.length - t));
      }
      t++;
    }
  const avg = new Map<string, number>();
  for (const [f, s] of sum) avg.set(f, s / Math.max(1, t));
  return avg;
}

const predict = (w: Map<string, number>, features: string[]) =>
  sigmoid(features.reduce((z, f) => z + (w.get(f) ?? 0), 0));

/** Out-of-fold probabilities: folds of whole groups, group i in fold (rank of i) mod k. */
export function outOfFold(examples: Example[], k: number, o: TrainOptions = DEFAULT_TRAIN): number[] {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % k]));
  const p = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < k; f++) {
    const w = fitLogistic(
      examples.filter((e) => foldOf.get(e.group) !== f),
      o,
    );
    examples.forEach((e, i) => {
      if (foldOf.get(e.group) === f) p[i] = predict(w, e.features);
    });
  }
  return p;
}

/**
 * The lowest threshold whose precision (over the examples at or above it) reaches `precision`, scanning
 * from the most probable down; among those, the one with the best F1.
 */
export function chooseThreshold(
  p: number[],
  y: Array<0 | 1>,
  precision: number,
): { threshold: number; precision: number; recall: number } {
  const order = p.map((_v, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  const positives = y.filter((v) => v === 1).length;
  let tp = 0;
  let best = { threshold: 0.5, precision: 0, recall: 0, f1: -1 };
  order.forEach((i, rank) => {
    tp += y[i]!;
    const next = order[rank + 1];
    if (next !== undefined && p[next] === p[i]) return;
    const prec = tp / (rank + 1);
    const rec = positives ? tp / positives : 0;
    const f1 = prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
    if (prec >= precision && f1 > best.f1) best = { threshold: p[i]!, precision: prec, recall: rec, f1 };
  });
  return { threshold: Math.round(best.threshold * 1e4) / 1e4, precision: best.precision, recall: best.recall };
}

export interface ModelOptions extends TrainOptions {
  withoutRules: boolean;
  /** Train on the candidates no rule read, to add to the rules' relations (see RelationModel.keepRules). */
  keepRules?: boolean;
  /** Candidate-level precision the threshold is chosen for, on out-of-fold probabilities. */
  precision: number;
  folds: number;
}
export const DEFAULT_MODEL: ModelOptions = { ...DEFAULT_TRAIN, withoutRules: false, precision: 0.875, folds: 5 };

/**
 * Below this many positive examples, a kind takes the overall threshold: with fewer, the precision of its top few
 * candidates swings its own threshold from one training set to the next (0.55 to 0.90 for agreements across folds).
 */
const MIN_POSITIVES_PER_KIND = 40;

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Trains the model: weights on every example, the threshold from out-of-fold probabilities. */
export function trainModel(
  all: Example[],
  o: ModelOptions = DEFAULT_MODEL,
  about: Record<string, unknown> = {},
): RelationModel {
  const examples = o.keepRules ? all.filter((e) => !e.ruled) : all;
  const w = fitLogistic(examples, o);
  const weights: Record<string, number> = {};
  for (const f of [...w.keys()].sort()) {
    const v = r4(w.get(f)!);
    if (v !== 0) weights[f] = v;
  }
  const oof = outOfFold(examples, o.folds, o);
  const t = chooseThreshold(
    oof,
    examples.map((e) => e.y),
    o.precision,
  );
  // a threshold per kind where the kind has examples enough, the overall one elsewhere
  const thresholds: Record<string, number> = {};
  const kindOf = (e: Example) => e.features.find((f) => !f.startsWith('*|'))!.split('|')[0]!;
  for (const kind of [...new Set(examples.map(kindOf))].sort()) {
    const idx = examples.map((_e, i) => i).filter((i) => kindOf(examples[i]!) === kind);
    const pos = idx.filter((i) => examples[i]!.y === 1).length;
    if (pos < MIN_POSITIVES_PER_KIND) continue;
    const k = chooseThreshold(
      idx.map((i) => oof[i]!),
      idx.map((i) => examples[i]!.y),
      o.precision,
    );
    if (k.recall > 0) thresholds[kind] = k.threshold;
  }
  return {
    version: 1,
    withoutRules: o.withoutRules,
    ...(o.keepRules ? { keepRules: true } : {}),
    threshold: t.threshold,
    thresholds,
    about: {
      ...about,
      examples: examples.length,
      positives: examples.filter((e) => e.y === 1).length,
      groups: new Set(examples.map((e) => e.group)).size,
      options: { epochs: o.epochs, rate: o.rate, l2: o.l2, precision: o.precision, folds: o.folds },
      outOfFold: { precision: r4(t.precision), recall: r4(t.recall) },
    },
    weights,
  };
}
