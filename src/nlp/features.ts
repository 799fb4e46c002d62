// Features of a relation candidate: the rules that fired on it, the words and punctuation between and
// around the two mentions, their distance, the kinds, a role title next to either mention, trigger
// words of each relation, modality, negation and hedges, and where the sentence stands in the article.
// Every feature is a string prefixed by the candidate's kind, so one weight table serves every kind.
import type { Candidate, CandidateGroup, Span } from './candidates.js';
import { isAuthority } from './agreements.js';
import type { LocalEntity } from '../types.js';
import type { Lang } from '../types.js';
import { lexicon } from './lexicon.js';
import { escapeRe } from './patterns.js';

/** Lower case, accents off: "Reçu" → "recu". */
export const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const tokens = (s: string): string[] => fold(s).match(TOKEN) ?? [];

/** Folded forms of the words met so far (the same words come back in every article). */
const folded = new Map<string, string>();
const foldWord = (w: string): string => {
  let f = folded.get(w);
  if (f === undefined) {
    f = fold(w);
    if (folded.size < 100_000) folded.set(w, f);
  }
  return f;
};

interface Tok {
  start: number;
  end: number;
  w: string;
}

/**
 * What is computed once per article and reused by every candidate: its tokens, per-sentence features, each candidate's
 * features.
 */
interface ArticleCache {
  toks: Tok[];
  sentences: Map<number, { whole: string; features: string[] }>;
  candidates: Map<Candidate, string[]>;
}
const caches = new WeakMap<FeatureContext, ArticleCache>();

function cacheOf(ctx: FeatureContext): ArticleCache {
  let c = caches.get(ctx);
  if (!c) {
    const toks: Tok[] = [];
    for (const m of ctx.text.matchAll(TOKEN)) {
      const f = foldWord(m[0]);
      if (f) toks.push({ start: m.index!, end: m.index! + m[0].length, w: f });
    }
    caches.set(ctx, (c = { toks, sentences: new Map(), candidates: new Map() }));
  }
  return c;
}

/** Trigger words of each relation, folded; a prefix match (stem) is enough. */
const TRIGGERS: Record<string, string[]> = {
  meet: [
    'recu',
    'recoit',
    'recevra',
    'rencontr',
    'audience',
    'entretien',
    'entretenu',
    'visite',
    'echange',
    'seance de travail',
    'accueilli',
    'tete-a-tete',
    'reunion',
    'met with',
    'meets',
    'meeting',
    'talks',
    'received',
    'receives',
    'hosted',
    'visited',
    'courtesy call',
  ],
  role: [
    'directeur',
    'directrice',
    'ministre',
    'president',
    'presidente',
    'pdg',
    'dg',
    'pca',
    'secretaire',
    'chef',
    'responsable',
    'coordinat',
    'administrat',
    'gouverneur',
    'fondat',
    'conseiller',
    'charge',
    'manager',
    'director',
    'minister',
    'chairman',
    'ceo',
    'head of',
    'founder',
    'officer',
    'country',
    'represent',
  ],
  // sign and sanction: whole words or word starts (" accord " is an agreement, "accordée" is not)
  sign: [
    ' signe',
    ' signat',
    ' signer',
    ' signed',
    ' signing',
    ' signs ',
    ' sign ',
    ' convention',
    ' accord ',
    ' accords ',
    ' protocole',
    ' memorandum',
    ' contrat',
    ' agreement',
    ' mou ',
    ' paraph',
    ' scell',
    ' contract',
  ],
  sanction: [
    ' amende',
    ' sanction',
    ' penalit',
    ' mise en demeure',
    ' mis en demeure',
    ' met en demeure',
    ' suspen',
    ' retrait ',
    ' retire',
    ' interdi',
    ' avertissement',
    ' averti ',
    ' avertit ',
    ' fined ',
    ' fine ',
    ' fines ',
    ' penalt',
    ' warned ',
    ' warning ',
    ' banned ',
    ' ban ',
    ' revok',
  ],
  commit: [
    'engag',
    'promet',
    'promis',
    'volonte',
    'financ',
    'investi',
    'accord',
    'octroy',
    'contribu',
    'appui',
    'soutien',
    'pledge',
    'commit',
    'promise',
    'will ',
    'fund',
    'grant',
    'loan',
  ],
};
const MODAL = [
  'pourrait',
  'pourraient',
  'envisag',
  'devrait',
  'devraient',
  'prevoit',
  'prevoi',
  'souhait',
  'espere',
  'could',
  'might',
  'may ',
  'expected to',
  'plans to',
  'hope',
  'would',
];
const NEGATION = [' ne ', " n'", ' pas ', ' jamais ', ' aucun', ' not ', " n't", ' never ', ' no ', ' sans '];

/** Each list of needles as one pattern of its words (a plain alternation: one scan instead of one per needle). */
const needlePatterns = new WeakMap<string[], RegExp>();
/** Whether any of the needles occurs in the text (as `needles.some((n) => hay.includes(n))`). */
const has = (hay: string, needles: string[]) => {
  let r = needlePatterns.get(needles);
  if (!r) needlePatterns.set(needles, (r = new RegExp(needles.map(escapeRe).join('|'))));
  return r.test(hay);
};

/** Role forms of the lexicon, folded, longest first. */
let roleForms: string[] | undefined;
const roles = () =>
  (roleForms ??= [...new Set(lexicon().roles.flatMap((r) => r.forms.map(fold)))].sort((a, b) => b.length - a.length));

const bucket = (n: number, cuts: number[]) => {
  for (const c of cuts) if (n <= c) return `<=${c}`;
  return `>${cuts[cuts.length - 1]}`;
};

/** The words of a window of the article, folded (punctuation kept as tokens); a word cut by an edge is cut too. */
function windowOf(ctx: FeatureContext, from: number, to: number): string[] {
  from = Math.max(0, from);
  to = Math.max(0, to);
  const toks = cacheOf(ctx).toks;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < toks.length && toks[i]!.start < to; i++) {
    const t = toks[i]!;
    if (t.start >= from && t.end <= to) out.push(t.w);
    else out.push(...tokens(ctx.text.slice(Math.max(from, t.start), Math.min(to, t.end))));
  }
  return out;
}

/** Role forms of the lexicon as one pattern over space-joined folded tokens. */
let roleRe: RegExp | undefined;
const titled = (w: string) =>
  (roleRe ??= new RegExp(
    ` (?:${roles()
      .map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')}) `,
    'u',
  )).test(w);

/** Words that join a title to its holder and its organisation: articles, possessives, "de", punctuation. */
const GLUE = new Set(
  (
    'de du d des la le l les un une son sa ses leur of the at its his her a an et and au aux chez ' +
    ", - ( ) ’ ' : par ailleurs egalement aussi actuel actuelle nouveau nouvelle ancien ancienne former new current"
  ).split(' '),
);
/** The words of the lexicon's role forms, folded ("directeur", "general", "dg", "ceo"…), their glue aside. */
let roleWordSet: Set<string> | undefined;
const roleWords = () =>
  (roleWordSet ??= new Set(roles().flatMap((r) => (r.match(TOKEN) ?? []).filter((w) => !GLUE.has(w)))));

/** What ties a title to the organisation after it: "directeur général de Y", "CEO of Y". */
const OF = new Set(['de', 'du', 'd', 'des', 'of', 'at']);

/**
 * The shape of what stands between a person and an organisation, read for holds-role: whether a title stands there,
 * how many words other than the title and its glue ("X, directeur général de Y": none; a clause of its own: many),
 * and a title right before the organisation with its "de" ("… directeur général d'Y").
 */
function roleShape(ctx: FeatureContext, x: Span, y: Span, between: string[], f: Set<string>): void {
  const words = roleWords();
  let title = 0;
  let rest = 0;
  for (const w of between)
    if (words.has(w)) title++;
    else if (!GLUE.has(w)) rest++;
  f.add(`rshape=${title ? 'title' : 'none'}+${bucket(rest, [0, 1, 3])}`);
  const org = x.kind === 'organisation' ? x : y;
  const lead = windowOf(ctx, org.start - 60, org.start).slice(-5);
  for (let i = lead.length - 1; i > 0; i--)
    if (OF.has(lead[i]!) && words.has(lead[i - 1]!)) {
      f.add('title-of-org');
      break;
    }
}

/** Words of an organisation's name that say it is a public body (a ministry, an agency, a court). */
const PUBLIC = new RegExp(
  String.raw`(?<![\p{L}])(?:autorit|regulat|haute|commission|conseil|ministe|ministr|tribunal|cour|agence|` +
    String.raw`direction|authority|regulator|court|gouvern|government)`,
  'u',
);

/**
 * What an end of a candidate is: an authority that sanctions (a regulator, a ministry, a court: agreements.ts
 * isAuthority), another public body by its name, another organisation, or a person.
 */
function authorityOf(ctx: FeatureContext, id: string): string {
  const e = ctx.entities?.get(id);
  if (!e) return 'other';
  if (e.kind !== 'organisation') return e.kind;
  if (isAuthority(e)) return 'authority';
  return PUBLIC.test(fold(e.name)) ? 'public' : 'organisation';
}

/** Kinds read from the words around the pair; the rare kinds read the pair's shape only (too few to learn words). */
const RARE_KINDS = new Set<string>(['signed-agreement-with', 'sanctioned']);
/**
 * What a rare kind reads: the rules, the triggers, negation and hedges, what its ends are, how far apart they are;
 * not the sentence's length, commas or position, which a few dozen examples cannot weigh.
 */
const RARE_KEEP = new RegExp(
  String.raw`^(?:bias|lang=|rules?(?:=|fam=|-inferred|-anaphor|-elsewhere)?|rulefam=|no-rule|other=|` +
    String.raw`(?:btw-)?trig=|modal|negation|btw-modal|btw-negation|src-kind=|tgt-kind=|kinds=|dist=|anaphor-end|` +
    String.raw`source-named)`,
  'u',
);
/** The trigger family of each rare kind. */
const OWN_TRIGGERS: Partial<Record<string, string>> = { 'signed-agreement-with': 'sign', sanctioned: 'sanction' };

export interface FeatureContext {
  text: string;
  lang: Lang;
  /** The article's entities by id, when known: the kind of authority an end is. */
  entities?: Map<string, LocalEntity>;
  /** Rules whose ids are not features (the "model alone" configuration). */
  withoutRules?: boolean;
}

/** The features of one candidate, deduplicated (a relation's features, groupFeatures, are sorted). */
export function featuresOf(c: Candidate, ctx: FeatureContext): string[] {
  const cache = cacheOf(ctx).candidates;
  let out = cache.get(c);
  if (!out) cache.set(c, (out = candidateFeatures(c, ctx)));
  return out;
}

/** Features of the sentence alone: triggers, modality, negation, "respectivement". */
function sentenceFeatures(s: Candidate['sentence'], ctx: FeatureContext): { whole: string; features: string[] } {
  const cache = cacheOf(ctx).sentences;
  let got = cache.get(s.start);
  if (got) return got;
  const whole = ` ${windowOf(ctx, s.start, s.end).join(' ')} `;
  const features: string[] = [];
  for (const [name, words] of Object.entries(TRIGGERS)) if (has(whole, words)) features.push(`trig=${name}`);
  if (has(whole, MODAL)) features.push('modal');
  if (has(whole, NEGATION)) features.push('negation');
  if (whole.includes(' respectivement ') || whole.includes(' respectively ')) features.push('respectivement');
  cache.set(s.start, (got = { whole, features }));
  return got;
}

/** The words between, before and after the pair, and which end comes first. */
function wordFeatures(ctx: FeatureContext, c: Candidate, x: Span, y: Span, between: string[], f: Set<string>): void {
  const s = c.sentence;
  f.add(c.a === x ? 'order=source-first' : 'order=target-first');
  const before = windowOf(ctx, Math.max(s.start, x.start - 60), x.start).slice(-3);
  const after = windowOf(ctx, y.end, Math.min(s.end, y.end + 60)).slice(0, 3);
  if (between.length <= 4) f.add(`btw=${between.join('_')}`);
  for (const w of new Set(between)) f.add(`bw=${w}`);
  if (between[0]) f.add(`b0=${between[0]}`);
  if (between.length) f.add(`bN=${between[between.length - 1]}`);
  before.forEach((w, i) => f.add(`bef${before.length - i}=${w}`));
  after.forEach((w, i) => f.add(`aft${i + 1}=${w}`));
}

function candidateFeatures(c: Candidate, ctx: FeatureContext): string[] {
  const f = new Set<string>(['bias', `lang=${ctx.lang}`]);
  const s = c.sentence;
  if (!ctx.withoutRules) {
    for (const r of c.rules) {
      const id = r.rule.split('+')[0]!;
      f.add(`rule=${id}`);
      f.add(`rulefam=${id.split(/[:-]/)[0]}`);
      if (r.rule.includes('+')) f.add('rule-inferred');
      if (r.steps?.length) f.add('rule-anaphor');
    }
    f.add(c.rules.length ? 'rules' : 'no-rule');
    if (c.ruledElsewhere) f.add('rule-elsewhere');
    for (const o of c.otherRules) f.add(`other=${o}`);
  }
  for (const x of sentenceFeatures(s, ctx).features) f.add(x);
  f.add(`pos=${c.index === 0 ? 'first' : c.index < 3 ? 'lead' : 'body'}`);
  f.add(`slen=${bucket(s.text.length, [80, 160, 300])}`);
  if (c.trigger && c.a) return finish(c, undertakingFeatures(c, c.a, c.trigger, ctx, f));
  if (!c.a || !c.b) {
    f.add(c.a ? 'source-named' : 'anaphor-end');
    return finish(c, f);
  }
  const [x, y] = c.a.start < c.b.start ? [c.a, c.b] : [c.b, c.a];
  f.add(`kinds=${x.kind[0]}${y.kind[0]}`);
  const between = windowOf(ctx, x.end, y.start);
  f.add(`dist=${bucket(between.length, [0, 1, 2, 4, 8, 15, 30])}`);
  if (!RARE_KINDS.has(c.kind)) wordFeatures(ctx, c, x, y, between, f);
  if (c.kind === 'holds-role') roleShape(ctx, x, y, between, f);
  if (between.includes('(') || between.includes(')')) f.add('btw-paren');
  if (between[0] === ',') f.add('btw-apposition');
  const btwText = ` ${between.join(' ')} `;
  const order = c.a === x ? 'fwd' : 'back';
  for (const [name, words] of Object.entries(TRIGGERS))
    if (has(btwText, words)) {
      f.add(`btw-trig=${name}`);
      // a directed relation reads its trigger between source and target in that order ("X a suspendu Y")
      f.add(`btw-trig=${name}&${order}`);
    }
  // an agreement has no direction, and any two organisations may sign one: what its ends are says nothing
  if (c.kind !== 'signed-agreement-with') {
    f.add(`src-kind=${authorityOf(ctx, c.source)}`);
    f.add(`tgt-kind=${authorityOf(ctx, c.target)}`);
  }
  if (has(btwText, MODAL)) f.add('btw-modal');
  if (has(btwText, NEGATION)) f.add('btw-negation');
  // a role title right before or after either mention ("le DG de X, Y"; "Y, directeur général de X")
  const near = (from: number, to: number) => ` ${windowOf(ctx, from, to).join(' ')} `;
  if (titled(near(x.start - 40, x.start)) || titled(near(x.end, x.end + 40))) f.add(`title-near=${x.kind[0]}1`);
  if (titled(near(y.start - 40, y.start)) || titled(near(y.end, y.end + 40))) f.add(`title-near=${y.kind[0]}2`);
  const mid = between.filter((w) => w === ',').length;
  f.add(`commas=${bucket(mid, [0, 1, 2, 4])}`);
  return finish(c, f);
}

const FUTURE = /(?<![\p{L}])\p{Ll}{2,}(?:ra|ront|rait|raient)(?![\p{L}])|(?<![\p{L}])(?:will|would)\s/u;
const FIGURE = /\d|(?<![\p{L}])(?:milliards?|millions?|billion|million)(?![\p{L}])/iu;

/** A committed-to candidate no rule read: the actor, the undertaking word and the clause it opens. */
function undertakingFeatures(
  c: Candidate,
  a: NonNullable<Candidate['a']>,
  trig: NonNullable<Candidate['trigger']>,
  ctx: FeatureContext,
  f: Set<string>,
): Set<string> {
  const word = fold(trig.word).split(/\s+/);
  f.add(`ctrig=${word[0]}`);
  if (word.length > 1) f.add(`ctrig2=${word.join('_')}`);
  f.add(`actor=${a.kind}`);
  if (c.actorVia) f.add(`actor-via=${c.actorVia}`);
  const between = windowOf(ctx, a.end, trig.start);
  f.add(`cdist=${bucket(between.length, [0, 1, 2, 4, 8, 15])}`);
  if (between.length <= 4) f.add(`cbtw=${between.join('_')}`);
  if (between.includes(',')) f.add('cbtw-comma');
  if (a.start - c.sentence.start < 8) f.add('actor-opens');
  const clause = c.commitment ?? '';
  if (FUTURE.test(clause)) f.add('clause-future');
  if (FIGURE.test(clause)) f.add('clause-figure');
  const ws = ` ${tokens(clause).join(' ')} `;
  if (has(ws, MODAL)) f.add('clause-modal');
  if (has(ws, NEGATION)) f.add('clause-negation');
  if (/[«»"“”]/u.test(c.sentence.text)) f.add('quoted');
  f.add(`clen=${bucket(clause.length, [40, 100, 200])}`);
  return f;
}

/** Every feature is crossed with the candidate's kind; kind-free copies let rare kinds borrow strength. */
function finish(c: Candidate, f: Set<string>): string[] {
  const own = OWN_TRIGGERS[c.kind];
  // a rare kind reads the triggers of its own relation only: too few examples to weigh the others'
  if (own)
    for (const x of f)
      if ((/^(?:btw-)?trig=/u.test(x) && !x.includes(`trig=${own}`)) || !RARE_KEEP.test(x)) f.delete(x);
  const out: string[] = [];
  for (const x of f) out.push(`${c.kind}|${x}`);
  for (const x of f)
    if (x.startsWith('trig=') || x.startsWith('dist=') || x === 'negation' || x === 'modal' || x.startsWith('btw-'))
      out.push(`*|${x}`);
  return out;
}

/** What the features of a relation across the article look at, beyond one sentence. */
export interface ArticleContext extends FeatureContext {
  entities: Map<string, LocalEntity>;
}

/**
 * The features of a relation of the article (a group of candidates): every feature of every sentence
 * that may state it (so "an apposition in one of them" counts), how many sentences, how often each end
 * is named, and for holds-role whether the person carries a title and the organisation is the article's
 * main one.
 */
export function groupFeatures(g: CandidateGroup, ctx: ArticleContext): string[] {
  const f = new Set<string>();
  for (const c of g.members) for (const x of featuresOf(c, ctx)) f.add(x);
  const extra: string[] = [`nsent=${bucket(g.members.length, [1, 2])}`];
  const src = ctx.entities.get(g.source);
  const tgt = ctx.entities.get(g.target);
  if (RARE_KINDS.has(g.kind)) {
    // a rare kind: a rule that read one sentence of the relation is not outweighed by the sentences it did not read
    if (f.has(`${g.kind}|rules`)) for (const x of ['no-rule', 'rule-elsewhere']) f.delete(`${g.kind}|${x}`);
    // an agreement has no direction: which end is the source says nothing
    if (g.kind === 'signed-agreement-with') return [...f, ...extra.map((x) => `${g.kind}|${x}`)].sort();
  }
  const mentions = (e?: LocalEntity) => bucket(e?.mentions.length ?? 0, [0, 1, 3]);
  extra.push(`src-mentions=${mentions(src)}`);
  if (g.kind !== 'committed-to') extra.push(`tgt-mentions=${mentions(tgt)}`);
  if (src?.roles.length) extra.push('src-titled');
  if (g.kind === 'holds-role' && tgt) {
    const orgs = [...ctx.entities.values()]
      .filter((e) => e.kind === 'organisation')
      .sort((a, b) => b.mentions.length - a.mentions.length);
    if (orgs[0]?.id === tgt.id) extra.push('tgt-main-org');
  }
  for (const x of extra) f.add(`${g.kind}|${x}`);
  return [...f].sort();
}
