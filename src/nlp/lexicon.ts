// The data-driven lexicons in data/: organisations of the sector, places, roles and titles, name
// particles and civilities, the topic taxonomy. Loaded once; a researcher extends the JSON files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normaliseName } from '../text/keys.js';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const load = <T>(rel: string): T => JSON.parse(readFileSync(DATA + rel, 'utf8')) as T;

export interface OrgEntry {
  id: string;
  name: string;
  aliases: string[];
  formerNames?: string[];
  /** Short names that refer to it only when written alone ("Orange"). */
  short?: string[];
  sector?: string;
}

export interface RoleEntry {
  role: string;
  /** Every spelling, the feminine ones included (the loader adds `feminine.forms`). */
  forms: string[];
  head?: boolean;
  /** The feminine label and the spellings that say the holder is a woman ("directrice générale"). */
  feminine?: { role: string; forms: string[] };
}

/** What marks a role-holder's gender around a title or a name (roles.json `gender`). */
export interface GenderCues {
  feminineDeterminers: string[];
  masculineDeterminers: string[];
  feminineCivilities: string[];
  masculineCivilities: string[];
}

export interface Topic {
  id: string;
  label: string;
  labelEn: string;
  keywords: { fr: string[]; en: string[] };
}

/** A kind of organisation that a definite description stands for ("le ministère", "the regulator"). */
export interface OrgClass {
  class: string;
  /** The nouns that describe it, lower case, singular. */
  nouns: string[];
  /** Sectors of organisations.json that belong to the class. */
  sectors: string[];
  /** Patterns of names that belong to it (regular expressions). */
  names: string[];
}

/** Nouns that describe a person by what they do ("le diplomate"), standing for the holder of a title. */
export interface PersonDescription {
  nouns: string[];
  /** The role of roles.json whose holder the description stands for. */
  role: string;
}

export interface Lexicon {
  orgs: OrgEntry[];
  /** Nouns standing for the holder of a title (descriptions.json). */
  personDescriptions: PersonDescription[];
  /** Kinds of organisation that definite descriptions stand for (descriptions.json). */
  orgClasses: OrgClass[];
  /** normalised name → org id */
  orgByName: Map<string, string>;
  /** org id → its entry */
  orgById: Map<string, OrgEntry>;
  notEntities: Set<string>;
  /**
   * Words of capitalised common nouns that name no organisation alone (organisations.json `commonNouns`: technologies
   * and a company's departments), normalised one by one.
   */
  commonNouns: Set<string>;
  /** normalised place names */
  places: Set<string>;
  /** place names as written */
  placeNames: string[];
  /** normalised country names (places too) */
  countries: Set<string>;
  civilities: string[];
  particles: Set<string>;
  notNames: Set<string>;
  /** Words that make a capitalised name a company's ("Mobile", "Telecom"). */
  companyWords: Set<string>;
  /** Nationalities, masculine singular ("malien", "sénégalais"): "le malien X" names a person. */
  demonyms: string[];
  /** What a person is said to be ("homme d'affaires", "frère", "invité"): the name right after is a person's. */
  personNouns: string[];
  /** Words between such a noun and the name ("cadet", "divisionnaire"). */
  personQualifiers: string[];
  roles: RoleEntry[];
  gender: GenderCues;
  topics: Topic[];
  fallbackTopic: Omit<Topic, 'keywords'>;
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const o = load<{
    organisations: OrgEntry[];
    notEntities: string[];
    commonNouns?: { technologies?: string[]; departments?: string[] };
  }>('lexicons/organisations.json');
  const p = load<{ places: string[]; countries?: string[] }>('lexicons/places.json');
  const placeNames = [...new Set([...p.places, ...(p.countries ?? [])])];
  const people = load<{
    civilities: string[];
    particles: string[];
    notNames: string[];
    companyWords: string[];
    demonyms?: string[];
    personNouns?: string[];
    personQualifiers?: string[];
  }>('lexicons/people.json');
  const r = load<{ roles: RoleEntry[]; gender: GenderCues }>('lexicons/roles.json');
  const d = load<{ organisationClasses: OrgClass[]; personDescriptions?: PersonDescription[] }>(
    'lexicons/descriptions.json',
  );
  const t = load<{ topics: Topic[]; fallback: Omit<Topic, 'keywords'> }>('topics.json');
  const orgByName = new Map<string, string>();
  for (const org of o.organisations)
    for (const n of [org.name, ...org.aliases, ...(org.formerNames ?? []), ...(org.short ?? [])])
      orgByName.set(normaliseName(n), org.id);
  const orgById = new Map<string, OrgEntry>();
  for (const org of o.organisations) if (!orgById.has(org.id)) orgById.set(org.id, org);
  cached = {
    orgs: o.organisations,
    orgById,
    orgClasses: d.organisationClasses,
    personDescriptions: d.personDescriptions ?? [],
    orgByName,
    notEntities: new Set(o.notEntities.map(normaliseName)),
    commonNouns: new Set(
      [...(o.commonNouns?.technologies ?? []), ...(o.commonNouns?.departments ?? [])].flatMap((w) =>
        normaliseName(w).split(' '),
      ),
    ),
    places: new Set(placeNames.map(normaliseName)),
    placeNames,
    countries: new Set((p.countries ?? []).map(normaliseName)),
    civilities: [...people.civilities].sort((a, b) => b.length - a.length),
    particles: new Set(people.particles),
    notNames: new Set(people.notNames),
    companyWords: new Set(people.companyWords),
    demonyms: people.demonyms ?? [],
    personNouns: people.personNouns ?? [],
    personQualifiers: people.personQualifiers ?? [],
    roles: r.roles.map((e) => (e.feminine ? { ...e, forms: [...e.forms, ...e.feminine.forms] } : e)),
    gender: r.gender,
    topics: t.topics,
    fallbackTopic: t.fallback,
  };
  return cached;
}

/** Canonical labels of lexicon organisations by resolution key, for graph building. */
export function lexiconLabels(): Map<string, string> {
  const lex = lexicon();
  return new Map([
    ...lex.orgs.map((o) => [`org:@${o.id}`, o.name] as const),
    ...[...lex.topics, lex.fallbackTopic].map((t) => [`topic:@${t.id}`, t.label] as const),
  ]);
}

/** The sector organisations.json gives an entity of the lexicon ("operator", "regulator"…), if it is one. */
export function lexiconSector(e: { keys: readonly string[] } | undefined): string | undefined {
  const key = e?.keys.find((k) => k.startsWith('org:@'));
  return key ? lexicon().orgById.get(key.slice('org:@'.length))?.sector : undefined;
}
