// committed-to: quoted undertakings (commit:citation) and the commitment rules of rules.ts, run in
// priority order over one sentence. The commitment is the clause after the trigger (or the trigger
// itself, `keepMatch`); its topic comes from the taxonomy; its status from the wording.
import type { Sentence } from '../types.js';
import { lexicon } from './lexicon.js';
import { once, patterns, scan } from './patterns.js';
import { forLanguage, re, type CommitmentStatus, type RelationRule } from './rule.js';
import { RELATION_RULES, relationRule } from './rules.js';
import { topicsIn } from './topics.js';
import { type Ctx, type Ref, type Subject, add, orgOfPerson, refsIn } from './context.js';
import { ANY_FUTURE, ASSURANCE_AFTER_EN, FIRST_PERSON_FUTURE, ORG_ANAPHOR, QUOTES, STATUS_WORDS } from './cues.js';
import { expand } from './fragments.js';
import { rx } from './patterns.js';

const QUOTE_RULE = once(() => relationRule('commit:citation'));
const COMMIT_RULES = RELATION_RULES.filter((r) => r.relation === 'committed-to' && r.id !== 'commit:citation');

const PLURAL = once(() => ({
  end: rx(expand(String.raw`[Ll]es\s+(?:deux\s+|trois\s+)?({ROLE})s?\s*$`), 'iu'),
  any: rx(expand(String.raw`[Ll]es\s+(?:deux\s+|trois\s+)?({ROLE})s?\b`), 'iu'),
}));

function commitmentPhrase(raw: string): string {
  let p = raw.replace(/^[\s«"“]+/u, '');
  const stop = /[»”]|\s[-–—]\s|\.\s|;/u.exec(p);
  if (stop) p = p.slice(0, stop.index);
  p = p.replace(/[\s.,;:»"”]+$/u, '');
  if (p.length > 260) p = p.slice(0, 260).replace(/\s+\S*$/u, '');
  return p;
}

function statusOf(sentence: string, base: CommitmentStatus): CommitmentStatus {
  for (const [status, re] of STATUS_WORDS) if (re.test(sentence)) return status;
  return base;
}

const CONCRETE = new RegExp(
  String.raw`\d|(?<![\p{L}])(?:d['’]ici|avant|dès|janvier|février|mars|avril|mai|juin|juillet|août|septembre|` +
    String.raw`octobre|novembre|décembre|milliards?|millions?|cent|mille)(?![\p{L}])`,
  'iu',
);
const CONCRETE_EN = new RegExp(
  String.raw`\d|(?<![\p{L}])(?:by\s+the\s+end|before|January|February|March|April|May|June|July|August|` +
    String.raw`September|October|November|December|billion|million|hundred|thousand)(?![\p{L}])`,
  'u',
);

interface Quote {
  quote: string;
  verb: string;
  speaker: Ref[];
}

/** The person named right after a speech verb ("a assuré X"). */
const namedAfter = (ctx: Ctx, s: Sentence, verbEnd: number) =>
  refsIn(ctx, s).find((r) => r.kind === 'person' && r.start >= verbEnd && r.start - verbEnd < 40);

/** Quotes and assurances of a sentence, with who gave them. */
function quotesIn(ctx: Ctx, s: Sentence, subj: Subject): Quote[] {
  const found: Quote[] = [];
  for (const m of scan(re(QUOTE_RULE()), s.text)) {
    const verbEnd = s.start + m.index! + m[0].length;
    // "a-t-il confié": the subject of the story so far; "a assuré X": the person named right after
    const named = namedAfter(ctx, s, verbEnd);
    const inverted = /-t-(?:il|elle|ils|elles)/u.test(m[0]);
    found.push({ quote: m[1]!, verb: m[2]!, speaker: named && !inverted ? [named] : subj(verbEnd) });
  }
  for (const m of scan(QUOTES().before, s.text))
    found.push({ quote: m[2]!, verb: m[1]!, speaker: subj(s.start + m.index!) });
  // the same without quotation marks: "<what will be done>, a-t-il promis", "…, a assuré Mme X"
  const plain = !found.length ? QUOTES().assuranceAfter.exec(s.text) : null;
  if (plain && ANY_FUTURE.test(plain[1]!)) {
    const verbAt = s.start + plain[1]!.length;
    const verbEnd = s.start + plain[0].length;
    const named = namedAfter(ctx, s, verbEnd);
    found.push({
      quote: plain[1]!,
      verb: 'assuré',
      speaker: named ? [named] : subj(verbEnd).filter((r) => r.start < verbAt || r.via === 'pronoun'),
    });
  }
  if (!found.length && FIRST_PERSON_FUTURE.test(s.text)) {
    const answer = interviewAnswer(ctx, s);
    if (answer) found.push(answer);
  }
  return found;
}

/** The first sentence of each paragraph, by list of sentences (and its length when indexed). */
const paragraphStarts = new WeakMap<Sentence[], { length: number; first: Map<number, Sentence> }>();

/** The first sentence of a paragraph, as `sentences.find` gives it, from an index built once per list. */
function firstOfParagraph(sentences: Sentence[], paragraph: number): Sentence | undefined {
  if (Number.isNaN(paragraph)) return undefined; // `===` never matches NaN; a Map key would
  let ix = paragraphStarts.get(sentences);
  if (!ix || ix.length !== sentences.length) {
    ix = { length: sentences.length, first: new Map() };
    for (const x of sentences) if (!ix.first.has(x.paragraph)) ix.first.set(x.paragraph, x);
    paragraphStarts.set(sentences, ix);
  }
  return ix.first.get(paragraph);
}

/**
 * An interview's answer ("**X Togola :** Nous allons former 300 techniciens …"): its speaker is the paragraph's label.
 */
function interviewAnswer(ctx: Ctx, s: Sentence): Quote | undefined {
  const first = firstOfParagraph(ctx.sentences, s.paragraph);
  const label = first
    ? /^[*\s]*((?:[\p{Lu}][\p{L}.’'-]*\s+){0,4}[\p{Lu}][\p{L}’'-]+)\s*:\s*\**/u.exec(first.text)
    : null;
  const surname = label?.[1]!.split(/\s+/).pop();
  const person = surname
    ? [...ctx.entities.values()].find((e) => e.kind === 'person' && e.name.split(/\s+/).pop() === surname)
    : undefined;
  if (!person) return undefined;
  const body = s === first ? s.text.slice(label![0].length) : s.text;
  return {
    quote: body,
    verb: 'déclaré',
    speaker: [{ id: person.id, kind: 'person', start: s.start, end: s.start, via: 'name' }],
  };
}

/**
 * Quoted undertakings: « Nous allons investir … », a-t-il confié; X a assuré : « les sites seront raccordés avant juin
 * ».
 */
function quotedCommitments(ctx: Ctx, s: Sentence, subj: Subject): void {
  for (const { quote, verb, speaker } of quotesIn(ctx, s, subj)) {
    const promise = /^(?:assuré|promis|garanti)$/u.test(verb);
    if (!FIRST_PERSON_FUTURE.test(quote) && !(promise && ANY_FUTURE.test(quote))) continue;
    // an undertaking with a figure or a date ("investir 18 milliards", "avant juin"), not a wish ("nous allons y
    // répondre")
    if (!CONCRETE.test(quote)) continue;
    const phrase = commitmentPhrase(quote.trim());
    if (phrase.length < 4) continue;
    const topic = topicNode(ctx, phrase, 'fr');
    for (const w of speaker.filter((r) => r.kind === 'person' || r.kind === 'organisation'))
      add(ctx, 'committed-to', w, topic, s, QUOTE_RULE(), { commitment: phrase, status: 'announced' });
  }
}

/**
 * "The Malian leg will be completed by the end of 2027, El Fassi-Berrada told reporters": the speaker's undertaking.
 */
function reportedEnglish(ctx: Ctx, s: Sentence): void {
  const m = ASSURANCE_AFTER_EN.exec(s.text);
  if (!m || !CONCRETE_EN.test(m[1]!)) return;
  const at = s.start + m[1]!.length;
  const speaker = refsIn(ctx, s).find((r) => r.kind === 'person' && r.start > at && r.start - at < 12);
  if (!speaker) return;
  const phrase = commitmentPhrase(m[1]!.trim());
  add(ctx, 'committed-to', speaker, topicNode(ctx, phrase, 'en'), s, QUOTE_RULE(), {
    commitment: phrase,
    status: 'announced',
  });
}

/** Every holder of a role, standing for a plural title or pronoun ("les deux Directeurs généraux", "Ils"). */
function holdersOfRole(ctx: Ctx, role: string | undefined, pos: number, via: 'title' | 'pronoun'): Ref[] {
  const holders = [...ctx.entities.values()].filter((e) => e.kind === 'person' && role && e.roles.includes(role));
  return holders.length >= 2
    ? holders.map((e) => ({ id: e.id, kind: 'person' as const, start: pos, end: pos, via }))
    : [];
}

/** Who commits, from the subject before the trigger and what the rule says of its place. */
function committers(
  ctx: Ctx,
  s: Sentence,
  rule: RelationRule,
  m: RegExpMatchArray,
  subj: Subject,
  committed: Map<string, number>,
): Ref[] | undefined {
  const pos = s.start + m.index!;
  let who = subj(pos);
  // "les deux Directeurs généraux ont assuré …": the plural title stands for every holder of the role
  const lead = ctx.text.slice(s.start, pos);
  const plural = PLURAL().end.exec(lead.trimEnd() + ' ') ?? PLURAL().any.exec(lead);
  if (plural) {
    const holders = holdersOfRole(ctx, patterns().roleOf(plural[1]!)?.role, pos, 'title');
    if (holders.length) who = holders;
  } else if (/^\s*(?:Ils|Elles|They)\b/u.test(lead) && who.length === 1) {
    // "Ils ont exprimé …" after a plural subject: every holder of the previous subject's role
    const holders = holdersOfRole(ctx, ctx.entities.get(who[0]!.id)?.roles[0], pos, 'pronoun');
    if (holders.length) who = holders;
  }
  if (rule.subjectAfter) {
    // "a assuré que l’UIT prendrait …": the entity named at the head of the reported clause
    const end = pos + m[0].length;
    const head = refsIn(ctx, s).find((r) => r.start >= end && r.via === 'name');
    if (head && /^(?:\s*(?:la|le|les|l['’]|the|its|their)\s*)?$/iu.test(ctx.text.slice(end, head.start))) who = [head];
  }
  if (rule.tight) {
    const near = tightSubject(ctx, s, who, pos, committed);
    if (!near) return undefined;
    if (near.length) who = near;
  }
  if (rule.status === 'signed' && /sign/u.test(rule.id)) who = signatories(ctx, s, pos) ?? who;
  return who;
}

/**
 * tight rules: the subject right before the verb, a relative clause between them aside ("Sahel Fibre,
 * qui compte …, entend"); undefined when there is none (nor an anaphor just before).
 */
function tightSubject(
  ctx: Ctx,
  s: Sentence,
  who: Ref[],
  pos: number,
  committed: Map<string, number>,
): Ref[] | undefined {
  const gap = (r: Ref) => ctx.text.slice(r.end, pos).replace(/^,\s*(?:qui|who|which|dont)\s[^,;.]*,/u, ',').length;
  // a name inside a relative clause ("The start-up, which raised $4 million from X, plans to …") is not the subject
  const inClause = (r: Ref) =>
    /,\s*(?:qui|who|which|dont|que|that)\s[^,;.]*$/u.test(ctx.text.slice(s.start, r.start)) &&
    /,/u.test(ctx.text.slice(r.end, pos));
  const near = who.filter(
    (r) =>
      r.end <= pos &&
      (gap(r) < 40 || r.via === 'pronoun') &&
      !inClause(r) &&
      !((committed.get(r.id) ?? Infinity) < pos),
  );
  const anaphor = [...ctx.text.slice(s.start, pos).matchAll(ORG_ANAPHOR)].pop();
  if (!near.length && !(anaphor && pos - (s.start + anaphor.index! + anaphor[0].length) < 20)) return undefined;
  return near;
}

/** "X and Y signed a … agreement": every signatory before the verb commits (two to four of them). */
function signatories(ctx: Ctx, s: Sentence, pos: number): Ref[] | undefined {
  const inS = refsIn(ctx, s).filter((r) => r.end <= pos && r.via !== 'title');
  const persons = inS.filter((r) => r.kind === 'person');
  const personOrgs = new Set(persons.map((p) => orgOfPerson(ctx, p.id)));
  const all = [...persons, ...inS.filter((r) => r.kind === 'organisation' && !personOrgs.has(r.id))];
  return all.length > 1 && all.length <= 4 ? all : undefined;
}

export function commitments(ctx: Ctx, s: Sentence, subj: Subject, lang: 'fr' | 'en'): void {
  if (lang === 'fr') quotedCommitments(ctx, s, subj);
  else reportedEnglish(ctx, s);
  const taken = new Set<number>();
  // who already committed in this sentence: a looser cue later in it ("qui couvrira …") adds nothing
  const committed = new Map<string, number>(); // subject → where its commitment was read in this sentence
  for (const rule of forLanguage(COMMIT_RULES, lang))
    for (const m of scan(re(rule), s.text)) {
      const pos = s.start + m.index!;
      if ([...taken].some((t) => Math.abs(t - pos) < 5)) continue;
      const who = committers(ctx, s, rule, m, subj, committed);
      if (!who?.length) continue;
      const phrase = commitmentPhrase(
        rule.keepMatch
          ? ctx.text.slice(pos, s.end).replace(/^(?:a|ont)\s+/u, '')
          : ctx.text.slice(pos + m[0].length, s.end),
      );
      if (phrase.length < 4) continue;
      taken.add(pos);
      const topic = topicNode(ctx, phrase, lang);
      const status = statusOf(s.text, rule.status ?? 'announced');
      for (const w of who) add(ctx, 'committed-to', w, topic, s, rule, { commitment: phrase, status });
      for (const w of who) if (!committed.has(w.id)) committed.set(w.id, pos);
    }
}

export function topicNode(ctx: Ctx, phrase: string, lang: 'fr' | 'en'): string {
  const t = topicsIn(phrase, lang)[0] ?? lexicon().fallbackTopic;
  const id = `topic:${t.id}`;
  if (!ctx.topics.has(id)) ctx.topics.set(id, { id, label: lang === 'en' ? t.labelEn : t.label });
  return id;
}
