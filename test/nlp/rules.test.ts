// Tests generated from the rule tables: every rule fires on its own example under its own id and
// not on its counterexample; ids are unique; the fixed roles exist in roles.json; every fragment a
// trigger uses is defined. The examples are sentences we wrote (fictional people, sector names).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/nlp/extract.js';
import { findMentions } from '../../src/nlp/mentions.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { RELATION_RULES } from '../../src/nlp/rules.js';
import { MENTION_RULES } from '../../src/nlp/mention-rules.js';
import { FRAGMENTS, fragmentsOf } from '../../src/nlp/fragments.js';
import { re, type RuleBase } from '../../src/nlp/rule.js';
import { futureStem, participle, verbForms } from '../../src/nlp/verbs.js';
import { ruleReason } from '../../src/nlp/reasons.js';
import { setScoringMode } from '../../src/nlp/scorer.js';
import { articleId, detectLang } from '../../src/sources/article.js';

/** The language ingest would give the text (a rule for both languages is tried in the example's). */
const langOf = (rule: RuleBase, text: string): 'fr' | 'en' =>
  rule.lang === 'any' ? (detectLang(text) === 'en' ? 'en' : 'fr') : rule.lang;

const extract = (rule: RuleBase, text: string) =>
  extractArticle({ id: articleId(text), lang: langOf(rule, text), text });
/** The rule ids of the relations extracted from a text. */
const relationRules = (rule: RuleBase, text: string) => extract(rule, text).relations.map((r) => r.rule);
/** A role without an organisation makes no edge: it joins the person's roles (the rule's fixed slot 'no-org'). */
const personRoles = (rule: RuleBase, text: string) =>
  extract(rule, text).entities.flatMap((e) => (e.kind === 'person' ? e.roles : []));
/** The rule ids of the mentions found in a text. */
const mentionRules = (rule: RuleBase, text: string) =>
  findMentions(text, splitSentences(text), langOf(rule, text)).map((m) => m.rule);

// each record is tested on its own: the rules' output, before the trained scorer weighs it
setScoringMode({ mode: 'rules' });

describe.each(RELATION_RULES.filter((r) => r.slots.target !== 'no-org').map((r) => [r.id, r] as const))(
  'relation rule %s',
  (_id, rule) => {
    it('fires on its example under its own id', () => {
      expect(relationRules(rule, rule.example)).toContain(rule.id);
    });
    it('does not fire on its counterexample', () => {
      expect(relationRules(rule, rule.counterexample)).not.toContain(rule.id);
    });
  },
);

describe.each(RELATION_RULES.filter((r) => r.slots.target === 'no-org').map((r) => [r.id, r] as const))(
  'role rule without organisation %s',
  (_id, rule) => {
    it('gives the person of its example a role', () => {
      expect(personRoles(rule, rule.example).length).toBeGreaterThan(0);
    });
    it('gives no role on its counterexample', () => {
      expect(personRoles(rule, rule.counterexample)).toEqual([]);
    });
  },
);

describe.each(MENTION_RULES.map((r) => [r.id, r] as const))('mention rule %s', (_id, rule) => {
  it('fires on its example under its own id', () => {
    expect(mentionRules(rule, rule.example)).toContain(rule.id);
  });
  it('does not fire on its counterexample', () => {
    expect(mentionRules(rule, rule.counterexample)).not.toContain(rule.id);
  });
});

describe('the rule tables', () => {
  const all: RuleBase[] = [...RELATION_RULES, ...MENTION_RULES];

  it('give every rule a unique id, a reason, and an example different from its counterexample', () => {
    const ids = all.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const r of all) {
      expect(r.reason.length, r.id).toBeGreaterThan(10);
      expect(r.example, r.id).not.toBe(r.counterexample);
    }
  });

  it('use only fragments the fragment table defines, and every trigger compiles', () => {
    for (const r of all.filter((x) => x.trigger)) {
      for (const f of fragmentsOf(r.trigger!)) expect(FRAGMENTS, `${r.id} uses {${f}}`).toHaveProperty(f);
      expect(() => re(r), r.id).not.toThrow();
    }
    // a mention rule without a trigger says how it finds its mentions
    for (const r of MENTION_RULES.filter((x) => !x.trigger)) expect(r.finder, r.id).toBeTruthy();
  });

  it('give only fixed roles that roles.json defines', () => {
    const roles = new Set(
      (JSON.parse(readFileSync('data/lexicons/roles.json', 'utf8')) as { roles: Array<{ role: string }> }).roles.map(
        (r) => r.role,
      ),
    );
    const fixed = RELATION_RULES.flatMap((r) => (r.roles ?? []).map((role) => [r.id, role] as const));
    expect(fixed.length).toBeGreaterThan(0);
    for (const [id, role] of fixed) expect(roles.has(role), `${id}: ${role}`).toBe(true);
  });

  it('explain every evidence id by its record’s reason, an inferred relation by both reasons', () => {
    expect(ruleReason('sign:en-signed')).toBe(RELATION_RULES.find((r) => r.id === 'sign:en-signed')!.reason);
    expect(ruleReason('visit:a-visité+member-of-visited')).toMatch(
      /^a visit: .*; then a visit or an audience with an organisation is a meeting with its people/,
    );
    expect(ruleReason('person-context')).toMatch(/person/);
    expect(ruleReason('no:such-rule')).toBeUndefined();
  });

  it('order each relation by priority, not by position: shuffling the table changes nothing', () => {
    const shuffled = [...RELATION_RULES].reverse();
    const order = (rules: typeof RELATION_RULES) => [...rules].sort((a, b) => a.priority - b.priority).map((r) => r.id);
    expect(order(shuffled)).toEqual(order(RELATION_RULES));
  });
});

describe('verb forms generated from lemmas (data/lexicons/verbs.json)', () => {
  it.each([
    ['financer', 'financer'],
    ['déployer', 'déploier'],
    ['investir', 'investir'],
    ['construire', 'construir'],
    ['étendre', 'étendr'],
  ])('the future stem of %s is %s', (verb, stem) => expect(futureStem(verb)).toBe(stem));

  it.each([
    ['annoncer', 'annoncé'],
    ['garantir', 'garanti'],
    ['suspendre', 'suspendu'],
  ])('the participle of %s is %s', (verb, p) => expect(participle(verb)).toBe(p));

  it('gives third-person futures, irregular stems and phrases ("mettra en place")', () => {
    const forms = verbForms('commit-future');
    expect(forms).toEqual(
      expect.arrayContaining(['déploiera', 'déploieront', 'soutiendra', 'soutiendront', 'mettra\\s+en\\s+place']),
    );
    const re = new RegExp(`^(?:${forms.join('|')})$`, 'u');
    for (const w of ['financera', 'investiront', 'construira', 'couvriront', 'mettront en place'])
      expect(re.test(w), w).toBe(true);
    for (const w of ['financer', 'investit', 'soutenira']) expect(re.test(w), w).toBe(false);
  });

  it('gives participles that agree ("sanctionnée", "mises en demeure")', () => {
    const re = new RegExp(`^(?:${verbForms('sanctioned').join('|')})$`, 'u');
    for (const w of ['sanctionné', 'sanctionnées', 'mises en demeure', 'frappée d’une amende', 'suspendus'])
      expect(re.test(w), w).toBe(true);
    for (const w of ['sanctionnant', 'mis demeure']) expect(re.test(w), w).toBe(false);
  });

  it('names the missing class when a fragment asks for one the lexicon lacks', () => {
    expect(() => verbForms('no-such-class')).toThrow(/no verb class "no-such-class"/);
  });
});
