// Cues the rules' resolvers read that are not rules of their own: anaphors, pronoun subjects, the
// wording of a commitment's status, quotes and assurances around a speech verb. Written with the
// named fragments of fragments.ts, compiled once.
import { compile } from './fragments.js';
import { once, unicodeBoundaries } from './patterns.js';
import type { CommitmentStatus } from './rule.js';

/** Wording that says a commitment was carried out or dropped. */
export const STATUS_WORDS: Array<[CommitmentStatus, RegExp]> = [
  ['abandoned', unicodeBoundaries(/\b(?:renoncé|abandonné|annulé|suspendu|abandoned|cancelled|canceled|dropped)\b/iu)],
  [
    'implemented',
    unicodeBoundaries(
      new RegExp(
        String.raw`\b(?:réalisée?s?|inaugurée?s?|mise?s?\s+en\s+service|livrée?s?|achevée?s?|a\s+offert|a\s+remis|` +
          String.raw`implemented|completed|delivered|launched)\b`,
        'iu',
      ),
    ),
  ],
];

/** "the two men", "les deux dirigeants": the last two people named. */
const TWO =
  String.raw`the\s+two\s+(?:men|women|executives|leaders|chief\s+executives|ministers)|both\s+(?:men|women|` +
  String.raw`executives|leaders)|les\s+deux\s+(?:hommes|femmes|dirigeants|dirigeantes|responsables|patrons|` +
  String.raw`ministres)`;
export const TWO_PEOPLE = unicodeBoundaries(new RegExp(String.raw`\b(?:${TWO})\b`, 'iu'));

/** Quotes and assurances around a speech verb (commit:citation); built from the lexicon's speech verbs. */
export const QUOTES = once(() => ({
  /** Who said it, then the quote: "X a déclaré : « … »". */
  before: compile(String.raw`\b(?:a|ont)\s+{ADV}({SAY})\s*:?\s*«([^«»]{8,400})»`),
  /**
   * The same assurance without quotation marks: "<what will be done>, a-t-il promis", "…, assure-t-il", "…, a assuré
   * Mme X".
   */
  assuranceAfter: compile(
    String.raw`^([^«»]{12,400}?),\s*(?:(?:a|ont)(?:-t-(?:il|elle|ils|elles))?\s+{ADV}(?:assuré|promis|garanti)|` +
      String.raw`(?:assure|promet|garantit|assurent|promettent)-t?-?(?:il|elle|ils|elles))(?![\p{L}])`,
    'u',
  ),
}));
/** English: "<what will be done>, X told reporters / said". */
export const ASSURANCE_AFTER_EN = new RegExp(
  String.raw`^([^"“”]{12,400}?\b(?:will|would)\s+[^"“”]{3,300}?),\s*((?:[\p{Lu}][\p{L}’'-]+\s+){0,3}[\p{Lu}][` +
    String.raw`\p{L}’'-]+)\s+(?:told|said|added|assured|promised)\b`,
  'u',
);

/** First person and future: "nous allons investir", "nous ouvrirons", "je veillerai". */
export const FIRST_PERSON_FUTURE = unicodeBoundaries(
  new RegExp(
    String.raw`\b(?:nous|je|j['’])\s+(?:(?:allons|vais|irons)\s+(?:\p{Ll}+\s+){0,2}?\p{Ll}+(?:er|ir|re)\b|` +
      String.raw`(?:\p{Ll}+\s+){0,2}?\p{Ll}{3,}(?:rons|rai)\b)`,
    'iu',
  ),
);
/**
 * Any future or conditional verb, être's included ("seront raccordés"), for a quote given as an assurance ("a assuré",
 * "a promis").
 */
export const ANY_FUTURE = /(?<![\p{L}])\p{Ll}{2,}(?:ra|ront|rait|raient)(?![\p{L}])/u;

/** Pronoun subjects that refer to the previous sentence's subject. */
export const PRONOUN_SUBJECT = unicodeBoundaries(/^(?:Il|Elle|Ils|Elles|He|She|They|It)\b/u);
/** Nouns that refer back to the organisation last named. */
const ANAPHORS =
  String.raw`l['’]entreprise|la\s+société|l['’]opérateur|le\s+groupe|la\s+structure|la\s+firme|` +
  String.raw`l['’]établissement|l['’]institution|la\s+start-?up|la\s+fintech|the\s+fintech|the\s+start-?up|` +
  String.raw`the\s+company|the\s+firm|the\s+operator|the\s+institution|the\s+lender`;
export const ORG_ANAPHOR = unicodeBoundaries(new RegExp(String.raw`\b(?:${ANAPHORS})\b`, 'giu'));
/** "les deux parties": the parties of the agreement the article told of. */
export const PARTIES_ANAPHOR = unicodeBoundaries(
  new RegExp(
    String.raw`\b(?:les\s+(?:deux\s+)?parties|the\s+(?:two\s+)?parties|les\s+deux\s+(?:structures|institutions|` +
      String.raw`entreprises|partenaires))\b`,
    'giu',
  ),
);
