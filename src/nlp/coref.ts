// Within-article resolution: the mentions of one article grouped into entities. A surname or a shorter
// form refers back to the full name the article gives; an acronym to its expansion; a ministry named
// by part of its portfolio to the full title; an organisation's outlet name is metadata, not an entity.
import { personNamesMatch } from '../text/names.js';
import { normaliseName } from '../text/keys.js';
import type { LocalEntity, Mention } from '../types.js';
import { personKey, type Found } from './mentions.js';
import { lexicon } from './lexicon.js';

export interface Resolved {
  entities: LocalEntity[];
}

const STOP = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'pour',
  'au',
  'aux',
  'en',
  'sur',
  'of',
  'the',
  'and',
  'sa',
  's a',
]);
const contentTokens = (name: string) =>
  new Set(
    normaliseName(name)
      .split(' ')
      .filter((t) => t && !STOP.has(t)),
  );
const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

interface Group {
  kind: Found['kind'];
  founds: Found[];
  keys: Set<string>;
}

export function resolveLocal(
  found: Found[],
  opts: { outlet?: string; author?: string; article?: string } = {},
): Resolved {
  const outletKey = opts.outlet ? normaliseName(opts.outlet.replace(/\(.*\)/, '')) : undefined;
  const authorKey = opts.author ? normaliseName(opts.author) : undefined;
  const items = dropTitles(tidyPersonNames(found.filter((f) => f.kind !== 'place'))).filter((f) => {
    const n = normaliseName(f.name);
    if (outletKey && (n === outletKey || outletKey.startsWith(n + ' ') || n.startsWith(outletKey))) return false;
    if (authorKey && f.kind === 'person' && n === authorKey) return false;
    return true;
  });

  // Each name is normalised once, and groups are found through indexes (by name ending, surname,
  // organisation key) rather than by comparing every mention with all earlier ones: a long article
  // stays near-linear. The indexes return what a scan of the groups in creation order would.
  const ctx = new Groups();
  groupPersons(items, ctx);
  assignSurnames(items, ctx, opts.article);
  groupOrganisations(items, ctx);
  const { groups, groupOf } = ctx;
  mergeOrgs(groups, groupOf);

  const entities: LocalEntity[] = [];
  const firstStart = new Map(groups.map((g) => [g, g.founds.reduce((m, f) => Math.min(m, f.start), Infinity)]));
  groups
    .filter((g) => g.founds.length)
    .sort((a, b) => firstStart.get(a)! - firstStart.get(b)!)
    .forEach((g, i) => {
      const id = `e${i}`;
      const name = bestName(g);
      const forms = new Set<string>();
      for (const f of g.founds) {
        forms.add(f.name);
        for (const x of f.forms ?? []) forms.add(x);
        // "Fonds … (FSIN)": the acronym the article defines is one of the names
        if (f.acronym) forms.add(f.acronym);
      }
      forms.delete(name);
      // (a group's own keys: those of its mentions, and a titled surname's key when no full name joined it)
      const keys = new Set<string>(g.keys);
      for (const f of g.founds) if (!f.single) for (const k of f.keys) keys.add(k);
      const mentions: Mention[] = g.founds
        .sort((a, b) => a.start - b.start)
        .map((f) => ({ text: f.text, start: f.start, end: f.end, kind: g.kind, rule: f.rule }));
      entities.push({
        id,
        kind: g.kind === 'organisation' ? 'organisation' : 'person',
        name,
        forms: [...forms].sort(),
        keys: [...keys].sort(),
        roles: [],
        mentions,
      });
    });
  return { entities };
}

/** The groups being built, in creation order, with what finds them quickly. */
class Groups {
  readonly groups: Group[] = [];
  readonly groupOf = new Map<Found, Group>();
  private readonly rank = new Map<Group, number>();
  private readonly tokens = new Map<Found, string[]>();

  open(f: Found, kind: Group['kind'], keys: Set<string>): Group {
    const g: Group = { kind, founds: [f], keys };
    this.rank.set(g, this.groups.length);
    this.groups.push(g);
    this.groupOf.set(f, g);
    return g;
  }

  join(f: Found, g: Group): void {
    g.founds.push(f);
    this.groupOf.set(f, g);
  }

  /** The normalised words of a mention's name, computed once. */
  toks(f: Found): string[] {
    let t = this.tokens.get(f);
    if (!t) this.tokens.set(f, (t = normaliseName(f.name).split(' ')));
    return t;
  }

  earlier(a: Group, b: Group): boolean {
    return this.rank.get(a)! < this.rank.get(b)!;
  }

  /** Record `key → g` unless an earlier group holds the key: lookups return the first group a scan would find. */
  indexFirst(index: Map<string, Group>, key: string, g: Group): void {
    const cur = index.get(key);
    if (!cur || this.earlier(g, cur)) index.set(key, g);
  }
}

/** A word of one letter: an initial ("K." in "Awa K. Diarra"). */
const INITIAL = /(?:^|\s)\p{Lu}\.?(?:\s|$)/u;

/** "Awa K. Diarra" and "Awa Kadiatou Diarra": the group of the same name with a middle name for its initial. */
function initialOf(ctx: Groups, f: Found): Group | undefined {
  return ctx.groups.find(
    (g) =>
      g.kind === 'person' &&
      g.founds.some(
        (x) => (INITIAL.test(x.name) || INITIAL.test(f.name)) && personNamesMatch(x.name, f.name) === 'spelling',
      ),
  );
}

/**
 * Full names, longest first, so that a shorter form joins the name it ends ("Ag Imaghane" joins "Moussa
 * Ag Imaghane"): a form of two words or more joins the first group holding a name that ends with those
 * words, a one-word form only the same one word. A name is indexed by itself and its endings of two words or more.
 */
function groupPersons(items: Found[], ctx: Groups): void {
  const byEnding = new Map<string, Group>();
  const persons = items
    .filter((f) => f.kind === 'person' && !f.single)
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length || a.start - b.start);
  for (const f of persons) {
    const t = ctx.toks(f);
    let g = byEnding.get(t.join(' ')) ?? initialOf(ctx, f);
    if (g) ctx.join(f, g);
    else g = ctx.open(f, 'person', new Set());
    ctx.indexFirst(byEnding, t.join(' '), g);
    for (let n = 2; n < t.length; n++) ctx.indexFirst(byEnding, t.slice(t.length - n).join(' '), g);
  }
}

/**
 * A bare surname joins a person named in full whose name holds it after the first word and ends with it;
 * among several, the one named most recently before it, else the first named. Never an entity of its own.
 */
function assignSurnames(items: Found[], ctx: Groups, article: string | undefined): void {
  const bySurname = new Map<string, Group[]>();
  const starts = new Map<Group, number[]>();
  for (const g of ctx.groups) {
    if (g.kind !== 'person') continue;
    starts.set(
      g,
      g.founds.map((f) => f.start).sort((a, b) => a - b),
    );
    for (const x of g.founds) {
      if (x.single) continue;
      const t = ctx.toks(x);
      const norm = t.join(' ');
      for (const tok of new Set(t.slice(1))) {
        if (!norm.endsWith(tok)) continue;
        const list = bySurname.get(tok) ?? [];
        if (list[list.length - 1] !== g) list.push(g);
        bySurname.set(tok, list);
      }
    }
  }
  for (const f of items.filter((x) => x.kind === 'person' && x.single)) {
    const candidates = bySurname.get(normaliseName(f.name));
    if (!candidates) {
      // "le Ministre SANGARE" with no full name in the article: a person of its own, keyed by the title too (one
      // surname under different titles may be different people) and by the article: a title and a surname alone
      // are no proof that two articles name one person (the graph's variant step merges them when they hold that
      // title at the same organisation)
      if (f.titled) ctx.open(f, 'person', new Set([titledSurnameKey(f.titled, f.name, article)]));
      continue;
    }
    let best = candidates[0]!;
    let bestScore = lastBefore(starts.get(best)!, f.start);
    for (const g of candidates.slice(1)) {
      const score = lastBefore(starts.get(g)!, f.start);
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    ctx.join(f, best);
    insertSorted(starts.get(best)!, f.start);
  }
}

/** The largest value below `limit` in a sorted array, or -Infinity. */
function lastBefore(sorted: number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo ? sorted[lo - 1]! : -Infinity;
}

function insertSorted(sorted: number[], value: number): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, value);
}

/** Organisations sharing a key (lexicon id, acronym, normalised name) are one group. */
function groupOrganisations(items: Found[], ctx: Groups): void {
  const byKey = new Map<string, Group>();
  for (const f of items.filter((x) => x.kind === 'organisation')) {
    let g: Group | undefined;
    for (const k of f.keys) {
      const h = byKey.get(k);
      if (h && (!g || ctx.earlier(h, g))) g = h;
    }
    if (g) {
      ctx.join(f, g);
      for (const k of f.keys) g.keys.add(k);
    } else g = ctx.open(f, 'organisation', new Set(f.keys));
    for (const k of f.keys) ctx.indexFirst(byKey, k, g);
  }
}

/** "Ministère de …" names a ministry better than "Département de …" (1 for the latter). */
const byDepartment = (f: Found) => (f.name.startsWith('Département') ? 1 : 0);

function bestName(g: Group): string {
  if (g.kind === 'person')
    return (
      [...g.founds]
        .filter((f) => !f.single)
        .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length || a.start - b.start)[0]?.name ??
      g.founds[0]!.name
    );
  const def = g.founds.find((f) => f.acronym);
  if (def) return def.name;
  const ministries = g.founds.filter((f) => f.portfolio);
  if (ministries.length)
    return ministries.sort(
      (a, b) => b.portfolio!.length - a.portfolio!.length || byDepartment(a) - byDepartment(b) || a.start - b.start,
    )[0]!.name;
  return [...g.founds].sort((a, b) => b.name.length - a.name.length || a.start - b.start)[0]!.name;
}

/**
 * Merge organisation groups that name the same body: a ministry by part of its portfolio, a phrase whose words are all
 * in a longer one.
 */
function mergeOrgs(groups: Group[], groupOf: Map<Found, Group>): void {
  const orgs = () => groups.filter((g) => g.kind === 'organisation' && g.founds.length);
  let changed = true;
  while (changed) {
    changed = false;
    const list = orgs();
    outer: for (const a of list)
      for (const b of list) {
        if (a === b || !sameBody(a, b)) continue;
        mergeGroupInto(a, b, groupOf);
        changed = true;
        break outer;
      }
  }
}

/** The key of a surname named only after a title: "person:ministre sangare", then the article it is named in. */
export const titledSurnameKey = (title: string, surname: string, article: string | undefined): string =>
  `person:${normaliseName(`${title} ${surname}`)}${article ? ` @${article}` : ''}`;

/** Merge group a into group b: its mentions and its keys. */
function mergeGroupInto(a: Group, b: Group, groupOf: Map<Found, Group>): void {
  for (const f of a.founds) {
    b.founds.push(f);
    groupOf.set(f, b);
  }
  for (const k of a.keys) b.keys.add(k);
  a.founds = [];
}

function sameBody(a: Group, b: Group): boolean {
  const pa = a.founds.find((f) => f.portfolio)?.portfolio;
  const pb = b.founds.find((f) => f.portfolio)?.portfolio;
  if (pa && pb) {
    const sa = new Set(pa.flatMap((p) => p.split(' ')));
    const sb = new Set(pb.flatMap((p) => p.split(' ')));
    return sa.size < sb.size && isSubset(sa, sb);
  }
  if (pa || pb) return false;
  // "Orange Guinée" is a subsidiary, not the group it opens with
  if ([a, b].some((g) => g.founds.some((f) => f.rule === 'org-country-subsidiary'))) return false;
  const lexA = a.founds.find((f) => f.lexId)?.lexId;
  const lexB = b.founds.find((f) => f.lexId)?.lexId;
  if (lexA && lexB) return false;
  const ta = contentTokens(a.founds[0]!.name);
  const tb = contentTokens(longest(b));
  // "Fonds Nyèta" opens "Fonds Nyèta pour l’Inclusion numérique": a prefix of two words or more
  const wa = normaliseName(a.founds[0]!.name).split(' ');
  const wb = normaliseName(longest(b)).split(' ');
  if (wa.length >= 2 && wa.length < wb.length && wb.slice(0, wa.length).join(' ') === wa.join(' ')) return true;
  return (
    ta.size >= 3 &&
    ta.size <= tb.size &&
    isSubset(ta, tb) &&
    !(ta.size === tb.size && a.founds[0]!.start < b.founds[0]!.start)
  );
}

const longest = (g: Group) => [...g.founds].sort((x, y) => y.name.length - x.name.length)[0]!.name;

/**
 * Names of people as a reader would write them: a name never runs over a blank line (a heading glued
 * before it, "ACTUALITÉSEconomie", or a widget after it, "Commentaires", is not part of it), and an
 * English possessive is not part of the name ("President Ibrahim Boubacar Keïta’s resignation").
 * A mention left with fewer than two words of a full name is dropped.
 */
export function tidyPersonNames(found: Found[]): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    if (f.kind !== 'person') {
      out.push(f);
      continue;
    }
    const t = tidyPerson(f);
    if (t) out.push(t);
  }
  return out;
}

function tidyPerson(f: Found): Found | undefined {
  let { start, text, name } = f;
  const parts = text.split(/(\n[ \t]*\n\s*)/);
  if (parts.length > 1) {
    // the paragraph with most of the name's words
    let best = { at: 0, text: '', words: -1 };
    for (let i = 0, at = start; i < parts.length; at += parts[i]!.length, i++) {
      if (i % 2) continue;
      const words = normaliseName(parts[i]!).split(' ').filter(Boolean);
      const inName = name.split(' ').filter((w) => words.includes(normaliseName(w))).length;
      if (inName > best.words) best = { at, text: parts[i]!, words: inName };
    }
    const keep = new Set(normaliseName(best.text).split(' '));
    start = best.at + best.text.length - best.text.trimStart().length;
    text = best.text.trim();
    name = name
      .split(' ')
      .filter((w) => keep.has(normaliseName(w)))
      .join(' ');
    if (!f.single && name.split(' ').length < 2) return undefined;
  }
  const possessive = /[’']s$/u.exec(name);
  if (possessive && /[’']s$/u.test(text)) {
    name = name.slice(0, possessive.index);
    text = text.slice(0, -2);
  }
  if (name === f.name) return f;
  const keys = f.keys.map((k) => (k === personKey(f.name) ? personKey(name) : k));
  return { ...f, start, end: start + text.length, text, name, keys };
}

let titleForms: Set<string> | undefined;

/**
 * A title is not an organisation: "Président du Conseil d’Administration (PCA)" defines the acronym of a
 * role, which the roles lexicon knows. An organisation mention whose whole name is a title is dropped.
 */
export function dropTitles(found: Found[]): Found[] {
  titleForms ??= new Set(
    lexicon()
      .roles.flatMap((r) => [r.role, ...r.forms])
      .map(normaliseName),
  );
  return found.filter((f) => f.kind !== 'organisation' || f.lexId || !titleForms!.has(normaliseName(f.name)));
}
