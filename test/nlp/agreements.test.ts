// Agreements and sanctions read by the rules, in general shapes rather than one sentence each: any tense of a
// signing verb with an agreement noun, the two sides of "entre A et B", the list of signatories right before the
// verb, an authority that suspends or withdraws (any tense), a sanction taken "à l’encontre de" an organisation.
// Every sentence is one we wrote (sector names of the lexicon, fictional people and companies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuthority } from '../../src/nlp/agreements.js';
import { setScoringMode } from '../../src/nlp/scorer.js';
import type { LocalEntity } from '../../src/types.js';
import { namedRelations } from '../helpers/relations.js';

/** The pairs of a kind the rules read in a text, as "A -> B" with the entities' names. */
function pairs(text: string, kind: string, lang: 'fr' | 'en' = 'fr'): string[] {
  return namedRelations(text, kind, lang).map((r) => `${r.source} -> ${r.target}`);
}
/** Undirected: each pair with its ends sorted. */
const agreements = (text: string, lang: 'fr' | 'en' = 'fr') =>
  pairs(text, 'signed-agreement-with', lang)
    .map((p) => p.split(' -> ').sort().join(' + '))
    .sort();

// the rules' output, before the trained scorer weighs it
beforeAll(() => setScoringMode({ mode: 'rules' }));
afterAll(() => setScoringMode(undefined));

describe('signed-agreement-with', () => {
  it.each([
    ['an infinitive after "réussi à"', 'Orange Mali a réussi à signer une convention avec Huawei.'],
    ['the present tense', 'Orange Mali signe une convention-cadre avec Huawei.'],
    ['a noun and "entre A et B", no verb', 'Le contrat de location de capacité entre Orange Mali et Huawei court.'],
    ['"A et B scellent"', 'Orange Mali et Huawei scellent une convention-cadre.'],
  ])('reads %s', (_what, text) => {
    expect(agreements(text)).toEqual(['Huawei + Orange Mali']);
  });

  it('reads English present-tense headlines', () => {
    expect(agreements('Orange Mali and Huawei sign a partnership agreement.', 'en')).toEqual(['Huawei + Orange Mali']);
  });

  it('pairs the two sides of "entre A en partenariat avec B et C", never A with B', () => {
    const text =
      'La signature d’un protocole d’accord entre Huawei en partenariat avec Ericsson et Orange Mali, le 3 mars ' +
      '2024, pour le déploiement de la fibre.';
    expect(agreements(text)).toEqual(['Ericsson + Orange Mali', 'Huawei + Orange Mali']);
  });

  it('reads every "entre" of a sentence, each with its own sides', () => {
    const text =
      'Il cite la signature d’une convention entre Orange Mali et Huawei ; le contrat de maintenance entre ' +
      'Ericsson et la Banque mondiale en février.';
    expect(agreements(text)).toEqual(['Banque mondiale + Ericsson', 'Huawei + Orange Mali']);
  });

  it('reads "entre A, <apposition>, et B": the apposition closes the first side', () => {
    const text =
      'Un accord a été signé entre Orange Mali, premier opérateur du pays, et Huawei, équipementier chinois.';
    expect(agreements(text)).toEqual(['Huawei + Orange Mali']);
  });

  it('reads "signé entre X, <title of A>, et Y, <title of B>" as an agreement between A and B', () => {
    const text =
      'Un accord de formation a été signé entre Awa Traoré, la directrice générale d’Orange Mali, et Paul Diarra, ' +
      'le président du conseil de surveillance de Huawei.';
    expect(agreements(text)).toEqual(['Huawei + Orange Mali']);
  });

  it('takes the signatories a person stands for in an apposition list before the verb', () => {
    const text =
      'Mr Henri-Marie Dondra, Managing Director of Orange Mali and Mr Paul Diarra, Chairman of the Board of ' +
      'Huawei (Huawei Mali), signed a guarantee agreement.';
    expect(agreements(text, 'en')).toEqual(['Huawei Mali + Orange Mali']);
  });

  it('does not pair the parties of an apposition ("a joint venture between A and B") before "signed"', () => {
    const text = 'Sotelma, a joint venture between Orange Mali and Huawei, signed the licence agreement.';
    expect(agreements(text, 'en')).toEqual([]);
  });

  it('does not pair the parties listed after "avec" with one another', () => {
    const text = 'Orange Mali a signé une convention avec Huawei, Ericsson et la Banque mondiale.';
    expect(agreements(text)).toEqual([
      'Banque mondiale + Orange Mali',
      'Ericsson + Orange Mali',
      'Huawei + Orange Mali',
    ]);
  });

  it.each([
    ['a verb that is no signing', 'Orange Mali a négocié une convention avec Huawei.'],
    ['a negation', 'Orange Mali n’a pas signé de convention avec Huawei.'],
    ['a hedge', 'Orange Mali envisage de signer une convention avec Huawei.'],
    ['a rivalry "entre A et B"', 'La concurrence de capacité entre Orange Mali et Huawei court sur trois ans.'],
  ])('reads nothing from %s', (_what, text) => {
    expect(agreements(text)).toEqual([]);
  });
});

describe('sanctioned', () => {
  it.each([
    [
      'an authority that suspends (present tense), its object a noun phrase away',
      'La Haute autorité de la communication suspend les programmes de TV5 Monde pour trois mois.',
      'Haute autorité de la communication -> TV5 Monde',
    ],
    [
      'a sanction "à l’encontre de"',
      'L’Autorité de protection des données à caractère personnel (APDP) a prononcé une sanction à l’encontre de ' +
        'la société Kora Mobile SARL.',
      'Autorité de protection des données à caractère personnel -> Kora Mobile SARL',
    ],
    [
      'a withdrawal decided by an authority named by its acronym',
      'La HAC a décidé du retrait de la licence de la chaîne Joliba TV News.',
      'HAC -> Joliba TV News',
    ],
  ])('reads %s', (_what, text, expected) => {
    expect(pairs(text, 'sanctioned')).toEqual([expected]);
  });

  it.each([
    ['a company that suspends deliveries', 'Huawei suspend les livraisons à Orange Mali.'],
    ['a withdrawal a company decides', 'Orange Mali a décidé du retrait de la licence de Huawei.'],
  ])('reads nothing from %s (no authority)', (_what, text) => {
    expect(pairs(text, 'sanctioned')).toEqual([]);
  });
});

describe('isAuthority', () => {
  const org = (name: string, forms: string[] = []): LocalEntity => ({
    id: name,
    kind: 'organisation',
    name,
    forms,
    keys: [],
    roles: [],
    mentions: [],
  });
  it('knows a regulator by its name, its acronym in the lexicon, or a ministry', () => {
    expect(isAuthority(org('Haute autorité de la communication'))).toBe(true);
    expect(isAuthority(org('AMRTP'))).toBe(true);
    expect(isAuthority(org('Ministère de l’Économie numérique'))).toBe(true);
  });
  it('does not take a service, a company or an army for one', () => {
    expect(isAuthority(org('Direction de l’information et des relations publiques'))).toBe(false);
    expect(isAuthority(org('Orange Mali'))).toBe(false);
    expect(isAuthority(org('Forces armées maliennes'))).toBe(false);
  });
});
