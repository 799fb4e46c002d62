// Extraction, as tables of [sentence(s), expected] over sentences we wrote in the genre (fictional
// people and companies), including sentences where nothing must be extracted.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/nlp/extract.js';
import { setScoringMode } from '../../src/nlp/scorer.js';
import { articleId } from '../../src/sources/article.js';
import type { Article, Extraction } from '../../src/types.js';

// These tables are the rules' own behaviour; the trained scorer over them is tested in scorer.test.ts
setScoringMode({ mode: 'rules' });

const article = (text: string, lang: 'fr' | 'en' = 'fr', extra: Partial<Article> = {}): Article => ({
  id: articleId(text),
  lang,
  text,
  ...extra,
});
const run = (text: string, lang: 'fr' | 'en' = 'fr', extra: Partial<Article> = {}) =>
  extractArticle(article(text, lang, extra));
const names = (x: Extraction, kind: string) =>
  x.entities
    .filter((e) => e.kind === kind)
    .map((e) => e.name)
    .sort();
const rels = (x: Extraction, kinds = ['met-with', 'holds-role', 'signed-agreement-with', 'sanctioned']) => {
  const name = (id: string) => x.entities.find((e) => e.id === id)!.name;
  // distinct statements (one relation may be stated by several sentences)
  return [
    ...new Set(
      x.relations
        .filter((r) => kinds.includes(r.kind))
        .map((r) => {
          const [a, b] =
            r.kind === 'met-with' || r.kind === 'signed-agreement-with'
              ? [name(r.source), name(r.target)].sort()
              : [name(r.source), name(r.target)];
          return `${r.kind} ${a} -> ${b}${r.role ? ` (${r.role})` : ''}`;
        }),
    ),
  ].sort();
};
const commitments = (x: Extraction) => {
  const name = (id: string) => x.entities.find((e) => e.id === id)!.name;
  return x.relations.filter((r) => r.kind === 'committed-to').map((r) => `${name(r.source)}: ${r.commitment}`);
};

describe('people: names of the region, civilities, capitals', () => {
  const cases: Array<[string, string[]]> = [
    ['Le ministre de l’Économie numérique, Moussa Ag Intalla, a présidé la cérémonie.', ['Moussa Ag Intalla']],
    ['La Directrice générale de Sahel Fibre, Mme Aminata N’Diaye, a pris la parole.', ['Aminata N’Diaye']],
    ['Sidi Ould Brahim, DG de l’Agence Nationale des Réseaux, a répondu aux questions.', ['Sidi Ould Brahim']],
    ['Selon Dr Ibrahim Ben Salem, le projet avance.', ['Ibrahim Ben Salem']],
    ['Mr Henri-Paul DEMBÉLÉ, Managing Director of Kora Capital, signed the deal.', ['Henri-Paul Dembélé']],
    ['« Nous sommes prêts », a déclaré Fatoumata dite Fanta Coulibaly.', ['Fatoumata dite Fanta Coulibaly']],
    ['Le Général de Brigade Abdoulaye Keïta, Premier ministre, a reçu la délégation.', ['Abdoulaye Keïta']],
    ['Selon Mme KONÉ Rokia, présidente de l’association, le service reprendra.', ['Rokia Koné']],
    ['Le DG de Kora Mobile, Amadou B. Traoré, a signé.', ['Amadou B. Traoré']],
    // a rank in lower case after an article; a speaker introduced by what they do; "Le" inside a surname
    ['Le préfet du cercle, le colonel Bréhima Ould Tiéni, présidait la cérémonie.', ['Bréhima Ould Tiéni']],
    ['« Il était temps », a réagi le syndicaliste Tiémoko Dit Bakary Sogoba.', ['Tiémoko Dit Bakary Sogoba']],
    ['« Le réseau tiendra », a déclaré son directeur pour l’Afrique, Yann Le Meur.', ['Yann Le Meur']],
    // "El Hadj" before the name; an agent introduced by what they do; a founder; a parliamentary title
    [
      'Le fondateur de Kayira Pay, El Hadj Bakary Ben Moussa Traoré, a annoncé son intention de faire appel.',
      ['Bakary Ben Moussa Traoré'],
    ],
    ['Présidé par l’économiste Tidiane Ibn Abass Sidibé, le jury a délibéré.', ['Tidiane Ibn Abass Sidibé']],
    [
      'Jigi Santé, une plateforme cofondée par Oumou Dite Sali Konaté, vise les centres de santé.',
      ['Oumou Dite Sali Konaté'],
    ],
    ['Le rapporteur, Kalifa Dit Tiéba Doumbia, a dressé la liste des cercles.', ['Kalifa Dit Tiéba Doumbia']],
  ];
  it.each(cases)('%s', (text, people) => expect(names(run(text), 'person')).toEqual(people));

  const nothing: string[] = [
    'Le Mali compte 25 millions d’abonnés à la téléphonie mobile selon le rapport publié en janvier.',
    'Les échanges ont porté sur la qualité de service et la couverture des zones rurales de Kayes et de Ségou.',
    'Fab Lab Solidaire, Journée Nationale du Numérique et Mois de la Solidarité reviennent en mars.',
  ];
  it.each(nothing)('finds no person in: %s', (text) => expect(names(run(text), 'person')).toEqual([]));
});

describe('organisations: lexicon, acronyms, ministries, context', () => {
  const cases: Array<[string, string[]]> = [
    [
      'L’Autorité de Régulation des Services Numériques (ARSN) a publié son rapport.',
      ['Autorité de Régulation des Services Numériques'],
    ],
    ['La société Kayira Technologies a signé la convention.', ['Kayira Technologies']],
    [
      'Le Secrétaire général du ministère de la Communication, de l’Économie numérique et de la Modernisation de ' +
        'l’Administration a ouvert les travaux.',
      ['Ministère de la Communication, de l’Économie numérique et de la Modernisation de l’Administration'],
    ],
    ['Orange-Mali et Moov Africa ont été convoqués.', ['Moov Africa', 'Orange-Mali']],
    // a kind of organisation in apposition, or "<city>-based"
    ['Les onduleurs ont été livrés par Lumière du Niger Énergie, une PME de Mopti.', ['Lumière du Niger Énergie']],
    ['Le ministre a rencontré Jigiya, la coopérative des maraîchères de Diré.', ['Jigiya']],
    ['Selon Moussa Diarra, la société revendique deux millions d’abonnés.', []],
    ['Chez Kayira Networks, on se dit prêt à investir.', ['Kayira Networks']],
    // French institutions named in lower case after their head; courts; an introducer after a preposition
    [
      'Nous formerons 300 techniciens avec l’appui de l’Agence nationale pour l’emploi.',
      ['Agence nationale pour l’emploi'],
    ],
    [
      'La réunion s’est tenue à l’Office national des postes et télécommunications.',
      ['Office national des postes et télécommunications'],
    ],
    [
      'Par un jugement rendu lundi, le tribunal de commerce de Bamako a condamné Jigi Cash SA.',
      ['Jigi Cash SA', 'Tribunal de commerce de Bamako'],
    ],
    [
      'Ismaël Diarra, analyste au cabinet Sikasso Finance Conseil, estime que le chiffre progresse.',
      ['Sikasso Finance Conseil'],
    ],
    ['Selon lui, la Commission a décidé de reporter la réunion.', []],
    ['Il travaille à la société chargée de la maintenance du réseau depuis mai.', []],
  ];
  it.each(cases)('%s', (text, orgs) => expect(names(run(text), 'organisation')).toEqual(orgs));

  it('keys former names and acronyms to one entity (Sotelma, Malitel → Moov Africa Malitel)', () => {
    const x = run(
      'Sotelma, opérant sous la marque Moov Africa Malitel, a renouvelé sa licence. Malitel reste le premier réseau.',
    );
    const orgs = x.entities.filter((e) => e.kind === 'organisation');
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.keys).toContain('org:@moov-africa-malitel');
  });
  it('does not take the outlet that signs the article for an organisation of the story', () => {
    const x = run('(Agence Sahel Info) - Le DG de Kora Mobile, Ali Ould Moussa, a inauguré le site.', 'fr', {
      source: 'Agence Sahel Info',
    });
    expect(names(x, 'organisation')).toEqual(['Kora Mobile']);
  });
});

describe('relations', () => {
  const cases: Array<[string, string[]]> = [
    [
      'Le ministre de la Communication, Moussa Ag Intalla, a reçu en audience, le mardi 4 mars 2025, le ' +
        'Directeur général de Kora Mobile, Ali Ould Moussa.',
      [
        'holds-role Ali Ould Moussa -> Kora Mobile (Directeur général)',
        'met-with Ali Ould Moussa -> Moussa Ag Intalla',
      ],
    ],
    [
      'Le nouveau DG de Sahel Fibre, M. Oumar Ould Sidi, a été reçu en audience, le lundi 3 février, par la ' +
        'ministre de l’Économie numérique, Kadiatou Ag Mohamed.',
      [
        'holds-role Oumar Ould Sidi -> Sahel Fibre (Directeur général)',
        'met-with Kadiatou Ag Mohamed -> Oumar Ould Sidi',
      ],
    ],
    [
      'L’Agence malienne des Services en Ligne (AMSL) a signé deux conventions de partenariat avec la société ' +
        'Kayira Technologies et la Banque du Sahel (BDS).',
      [
        'signed-agreement-with Agence malienne des Services en Ligne -> Banque du Sahel',
        'signed-agreement-with Agence malienne des Services en Ligne -> Kayira Technologies',
      ],
    ],
    [
      'L’Autorité de Régulation des Services Numériques (ARSN) a infligé une amende de 2 milliards de FCFA à ' +
        'l’opérateur Kora Mobile.',
      ['sanctioned Autorité de Régulation des Services Numériques -> Kora Mobile'],
    ],
    [
      'Le ministre Moussa Ag Intalla s’est rendu au siège de Sahel Fibre. Il a été accueilli par la Directrice ' +
        'générale de Sahel Fibre, Aminata N’Diaye.',
      [
        'holds-role Aminata N’Diaye -> Sahel Fibre (Directrice générale)',
        'met-with Aminata N’Diaye -> Moussa Ag Intalla',
        'met-with Moussa Ag Intalla -> Sahel Fibre',
      ],
    ],
    ['Cette rencontre s’inscrit dans le cadre du dialogue entre l’État et le secteur privé.', []],
    [
      'La cérémonie s’est déroulée en présence du DG de Kora Mobile, Ali Ould Moussa, et de nombreux invités.',
      ['holds-role Ali Ould Moussa -> Kora Mobile (Directeur général)'],
    ],
  ];
  it.each(cases)('%s', (text, expected) => expect(rels(run(text))).toEqual(expected));
});

describe('relations: titles and their holders', () => {
  it.each([
    // titles of the lexicon
    [
      'Joint par téléphone, le gérant de Kayira Technologies, Lamine Ben Daouda, a contesté la décision.',
      ['holds-role Lamine Ben Daouda -> Kayira Technologies (Gérant)'],
    ],
    [
      'The deal was signed by Kora Mobile’s Country Manager for Mali, Ruth Asante-Boateng.',
      ['holds-role Ruth Asante-Boateng -> Kora Mobile (Directeur pays)'],
    ],
    [
      'Accra-based Volta Masts Africa will buy 300 towers, said its chief executive, Kofi Mensah-Asare.',
      ['holds-role Kofi Mensah-Asare -> Volta Masts Africa (Directeur général)'],
    ],
    // an organisation's title written after the name, as a common noun, as a possessive, with its field
    [
      'Kayira Technologies a raté ses délais. « Nous rattraperons », a dit Lamine Ben Daouda, le patron de la société.',
      ['holds-role Lamine Ben Daouda -> Kayira Technologies (Directeur général)'],
    ],
    [
      'Kayira Technologies a signé. Ont paraphé le texte Oumar Ould Sidi, qui dirige Kayira Technologies depuis ' +
        '2019, et le ministre.',
      ['holds-role Oumar Ould Sidi -> Kayira Technologies (Directeur général)'],
    ],
    [
      'The deal was inked by Kora Mobile’s Chief Executive Officer, Ruth Asante-Boateng, in Bamako.',
      ['holds-role Ruth Asante-Boateng -> Kora Mobile (Directeur général)'],
    ],
    [
      'Le DG de Kayira Technologies était accompagné de sa directrice des affaires juridiques, Mme Salimata Ag Alher.',
      ['holds-role Salimata Ag Alher -> Kayira Technologies (Directrice)'],
    ],
    [
      'La séance était présidée par Bréhima Ould Tiéni, conseiller technique au ministère de la Communication.',
      ['holds-role Bréhima Ould Tiéni -> Ministère de la Communication (Conseiller)'],
    ],
    // a participle opening the sentence, "dont le DG", "who chairs", the field of a title before "de l’opérateur",
    // an apposition in between
    [
      'Représentée par sa responsable des opérations pour le Mali, Anne-Marie Kouadio, la Banque mondiale a ' +
        'promis une tranche.',
      ['holds-role Anne-Marie Kouadio -> Banque mondiale (Responsable)'],
    ],
    [
      'La société a signé avec Huawei, dont le directeur général au Mali, Li Wenhao, était présent.',
      ['holds-role Li Wenhao -> Huawei (Directeur général)'],
    ],
    [
      'The deal was signed by Ruth Asante-Boateng, who chairs Moov Africa Malitel.',
      ['holds-role Ruth Asante-Boateng -> Moov Africa Malitel (Président)'],
    ],
    [
      'Moov Africa Malitel a cédé. La directrice des achats de l’opérateur, Salimata Ag Alher, a signé.',
      ['holds-role Salimata Ag Alher -> Moov Africa Malitel (Directrice)'],
    ],
    [
      'Gérant de Kayira Technologies, l’une des sociétés membres, Lamine Ben Daouda dit avoir licencié onze ' +
        'techniciens.',
      ['holds-role Lamine Ben Daouda -> Kayira Technologies (Gérant)'],
    ],
  ])('roles: %s', (text, expected) =>
    expect(rels(run(text, /^(?:The|Accra)/.test(text) ? 'en' : 'fr'))).toEqual(expected),
  );
});

describe('relations: meetings, commitments in quotes, signatories', () => {
  it.each([
    [
      'Le ministre Moussa Ag Intalla s’est d’abord entretenu avec Oumar Ould Sidi, DG de Kora Mobile.',
      [
        'holds-role Oumar Ould Sidi -> Kora Mobile (Directeur général)',
        'met-with Moussa Ag Intalla -> Oumar Ould Sidi',
      ],
    ],
    // "la DG" is the holder of that very title, not the head of a small firm "dirigée par" someone
    [
      'Orange Mali a inauguré un site. Sa Directrice générale, Aminata N’Diaye, était présente. Les panneaux ' +
        'viennent de Lumière du Niger, une PME dirigée par Awa Sissoko. La DG s’est ensuite entretenue avec le ' +
        'maire, Bakary Traoré.',
      [
        'holds-role Aminata N’Diaye -> Orange Mali (Directrice générale)',
        'holds-role Awa Sissoko -> Lumière du Niger (Directeur)',
        'met-with Aminata N’Diaye -> Bakary Traoré',
      ],
    ],
    // two people named as the subject of "ont négocié"; "le président du collectif" is not the company's
    [
      'Face à face, la directrice des achats de Kora Mobile, Salimata Ag Alher, et le président du collectif, ' +
        'Bakary Dit Ladji Koné, ont négocié pendant dix heures.',
      [
        'holds-role Salimata Ag Alher -> Kora Mobile (Directrice)',
        'met-with Bakary Dit Ladji Koné -> Salimata Ag Alher',
      ],
    ],
  ])('meetings: %s', (text, expected) => expect(rels(run(text))).toEqual(expected));

  it('a quoted undertaking with a figure or a date commits its speaker; a wish or a forecast does not', () => {
    const x = run(
      'Le DG de Kora Mobile, Ali Ould Moussa, a reçu la presse. « Nous allons ouvrir 12 agences dans le Nord », ' +
        'a-t-il confié. ' +
        '« Les sites seront raccordés avant juin », a assuré Oumar Ould Sidi, le patron de Kayira Technologies. ' +
        '« Le marché sera difficile en 2026 », a déclaré Ali Ould Moussa. « Nous allons y travailler », a-t-il ajouté.',
    );
    expect(commitments(x)).toEqual([
      'Ali Ould Moussa: Nous allons ouvrir 12 agences dans le Nord',
      'Oumar Ould Sidi: Les sites seront raccordés avant juin',
    ]);
  });

  it('the first word of a company’s name stands for it later in the article', () => {
    const x = run(
      'Accra-based Volta Masts Africa will buy 300 towers. The sale was signed by Volta’s chief executive, Kofi ' +
        'Mensah-Asare. Volta has committed to invest $40 million.',
      'en',
    );
    expect(names(x, 'organisation')).toEqual(['Volta Masts Africa']);
    expect(rels(x)).toEqual(['holds-role Kofi Mensah-Asare -> Volta Masts Africa (Directeur général)']);
    expect(commitments(x)).toContain('Volta Masts Africa: invest $40 million');
  });

  it('signatories written after the verb ("Ont paraphé le document X et Y") sign for their organisations', () => {
    expect(
      rels(
        run(
          'Ont paraphé le document le vice-président de la Banque du Sahel, Oumar Ould Sidi, et Ali Ould Moussa, ' +
            'qui dirige Kayira Technologies.',
        ),
      ),
    ).toContain('signed-agreement-with Banque du Sahel -> Kayira Technologies');
  });

  it('the parties of "signed … with X" end where a clause says what the agreement does', () => {
    expect(
      rels(
        run(
          'Kora Mobile signed a memorandum with Malian fintech Tériya Pay on Wednesday that will let its users ' +
            'pay from their Orange Money accounts.',
          'en',
        ),
      ),
    ).toEqual(['signed-agreement-with Kora Mobile -> Tériya Pay']);
  });
});

describe('relations: what is not a meeting, possessive titles', () => {
  it.each([
    ['Kora Mobile a reçu l’agrément de l’AMRTP en mai.', []],
    ['Le ministre Moussa Ag Intalla a également reçu un don de vingt ordinateurs de Kora Mobile.', []],
    [
      'Tériya Pay received its electronic-money licence from the Central Bank of West African States (BCEAO) in May.',
      [],
    ],
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, s’est entretenu avec les responsables de Jigiya, la coopérative ' +
        'des maraîchères de Diré, à qui la Fondation Orange a remis du matériel.',
      ['holds-role Ali Ould Moussa -> Kora Mobile (Directeur général)', 'met-with Ali Ould Moussa -> Jigiya'],
    ],
  ])('a thing received is not a visitor; a relative clause is not the guest list: %s', (text, expected) =>
    expect(rels(run(text, /^Tériya/.test(text) ? 'en' : 'fr')).filter((r) => !r.startsWith('sanctioned'))).toEqual(
      expected,
    ),
  );

  it(
    'one commitment per subject and cue: a looser cue later in the sentence adds nothing; a name in a relative ' +
      'clause is not the subject',
    () => {
      expect(
        commitments(
          run(
            'Le DG de Kora Mobile, Ali Ould Moussa, a annoncé l’ouverture à Gao d’un centre technique qui couvrira ' +
              'aussi Kidal.',
          ),
        ),
      ).toEqual(['Ali Ould Moussa: annoncé l’ouverture à Gao d’un centre technique qui couvrira aussi Kidal']);
      expect(
        commitments(
          run(
            'The start-up, which raised $4 million last year from the Accra-based fund Volta Capital Partners, ' +
              'also plans to launch a payment app.',
            'en',
          ),
        ),
      ).toEqual([]);
    },
  );

  it('"X, the Bank’s director general": a possessive after the name, the Bank being the last bank named', () => {
    const x = run(
      'The African Development Bank approved the loan. It was signed by Kwame Osei-Bonsu, the Bank’s director ' +
        'general for West Africa.',
      'en',
    );
    expect(rels(x)).toEqual(['holds-role Kwame Osei-Bonsu -> African Development Bank (Directeur général)']);
  });
});

describe('relations: sanctions, the operator an article is about', () => {
  it.each([
    // passive with words between, "avait été", English passive; the target named by a description;
    // "X, elle, a reçu un avertissement"
    [
      'Moov Africa Malitel a publié ses résultats. L’opérateur avait été mis en demeure en mars par l’AMRTP pour ' +
        'des coupures.',
      ['sanctioned AMRTP -> Moov Africa Malitel'],
    ],
    [
      'The operator Moov Africa Malitel, which was fined 250 million CFA francs by the AMRTP in 2025, is selling ' +
        'towers.',
      ['sanctioned AMRTP -> Moov Africa Malitel'],
    ],
    [
      'L’Autorité de protection des données (APDP) a publié ses décisions. Jigi Market SA a été mise en demeure. ' +
        'Sènè Microfinance SA, elle, a reçu un avertissement.',
      ['sanctioned Autorité de protection des données -> Sènè Microfinance SA'],
    ],
    [
      'Le régulateur AMRTP n’en est pas à son premier coup : il a infligé en août une amende de 90 millions à ' +
        'Kora Mobile.',
      ['sanctioned AMRTP -> Kora Mobile'],
    ],
    [
      'Le tribunal de commerce de Bamako a condamné Jigi Cash SA à verser 40 millions de dommages à son ' +
        'concurrent Kono Transfert SARL.',
      ['sanctioned Tribunal de commerce de Bamako -> Jigi Cash SA'],
    ],
    [
      'L’AMRTP a infligé une amende aux opérateurs Kora Mobile et Moov Africa Malitel.',
      ['sanctioned AMRTP -> Kora Mobile', 'sanctioned AMRTP -> Moov Africa Malitel'],
    ],
  ])('sanctions: %s', (text, expected) =>
    expect(rels(run(text, /^The/.test(text) ? 'en' : 'fr')).filter((r) => r.startsWith('sanctioned'))).toEqual(
      expected,
    ),
  );

  it('"l’opérateur" is the operator the article is about, not the supplier named last', () => {
    const x = run(
      'Kora Mobile a présenté ses résultats. Kora Mobile a déployé 300 sites. Ses équipements viennent de ' +
        'Huawei. L’opérateur avait été mis en demeure en mars par l’AMRTP.',
    );
    expect(rels(x)).toContain('sanctioned AMRTP -> Kora Mobile');
  });
});

describe('relations: commitments', () => {
  it.each([
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, a indiqué que son entreprise s’engageait à couvrir 80 localités.',
      'Ali Ould Moussa: couvrir 80 localités',
    ],
    [
      'Kora Mobile prévoit en outre d’ouvrir un centre de données à Kayes en 2027.',
      'Kora Mobile: ouvrir un centre de données à Kayes en 2027',
    ],
    [
      'La DG de Kora Mobile, Aminata N’Diaye, a annoncé la mise en ligne de vingt démarches d’ici décembre.',
      'Aminata N’Diaye: annoncé la mise en ligne de vingt démarches d’ici décembre',
    ],
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, a reçu la presse. Le réseau sera étendu à Kidal avant juin, a-t-il ' +
        'promis.',
      'Ali Ould Moussa: Le réseau sera étendu à Kidal avant juin',
    ],
    [
      'La grille définitive sera publiée au plus tard le 15 mars, a assuré Mme Aminata N’Diaye, DG de Kora Mobile.',
      'Aminata N’Diaye: La grille définitive sera publiée au plus tard le 15 mars',
    ],
  ])('commitment: %s', (text, expected) => expect(commitments(run(text))).toEqual([expected]));

  it('an interview answer commits the speaker its label names', () => {
    const x = run(
      'Kora Mobile a un nouveau DG, Bakary Ould Sidi Traoré.\n\n**Le Journal : Où en est le réseau ?**\n\n**B. ' +
        'O. S. Traoré :** Quarante sites sont en service. Nous allons former 200 techniciens à Mopti.',
    );
    expect(commitments(x)).toEqual(['Bakary Ould Sidi Traoré: Nous allons former 200 techniciens à Mopti']);
  });

  it('an English statement of what will be done, then who told it', () => {
    const x = run(
      'Ruth Asante-Boateng is the CEO of Kora Mobile. The Malian leg will be completed by the end of 2027, Ruth ' +
        'Asante-Boateng told reporters.',
      'en',
    );
    expect(commitments(x)).toEqual(['Ruth Asante-Boateng: The Malian leg will be completed by the end of 2027']);
  });

  it('"the two men had been received by X": the last two people named meet X', () => {
    const x = run(
      'Ruth Asante-Boateng and Kofi Mensah-Asare signed the deal. Earlier the two men had been received by the ' +
        'minister of digital transformation, Aïcha Mint Sidi.',
      'en',
    );
    expect(rels(x).filter((r) => r.startsWith('met-with'))).toEqual([
      'met-with Aïcha Mint Sidi -> Kofi Mensah-Asare',
      'met-with Aïcha Mint Sidi -> Ruth Asante-Boateng',
    ]);
  });

  it('an English title with its portfolio, then the name, without a comma', () => {
    const x = run(
      'Minister of Communication and Digital Economy Ousmane Ag Kalil pledged that his department would publish ' +
        'the plans online.',
      'en',
    );
    expect(names(x, 'person')).toEqual(['Ousmane Ag Kalil']);
    expect(commitments(x)).toEqual(['Ousmane Ag Kalil: his department would publish the plans online']);
  });

  it('commitments keep the verbatim object phrase and point to a topic', () => {
    const x = run(
      'La Directrice générale de Sahel Fibre, Aminata N’Diaye, s’est engagée à déployer la fibre optique dans ' +
        'cinquante localités rurales d’ici 2026.',
    );
    expect(commitments(x)).toEqual([
      'Aminata N’Diaye: déployer la fibre optique dans cinquante localités rurales d’ici 2026',
    ]);
    const r = x.relations.find((r) => r.kind === 'committed-to')!;
    expect(x.entities.find((e) => e.id === r.target)).toMatchObject({ kind: 'topic', name: 'Infrastructures' });
    expect(r.rule).toBe('commit:s-est-engagé-à');
  });
});

describe('relations: commitments in asides and announcements, plural titles, evidence', () => {
  it.each([
    // asides inside the verb phrase; announcements of what will be opened or built; reported future
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, s’est par ailleurs engagé à ouvrir trois agences à Kayes.',
      'Ali Ould Moussa: ouvrir trois agences à Kayes',
    ],
    [
      'Moov Africa Malitel, qui compte deux millions d’abonnés, entend en outre étendre son réseau de distributeurs.',
      'Moov Africa Malitel: étendre son réseau de distributeurs',
    ],
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, a par ailleurs promis la livraison de vingt ordinateurs aux écoles ' +
        'de Tombouctou.',
      'Ali Ould Moussa: la livraison de vingt ordinateurs aux écoles de Tombouctou',
    ],
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, a annoncé l’ouverture à Mopti, dès janvier, d’un centre de formation.',
      'Ali Ould Moussa: annoncé l’ouverture à Mopti, dès janvier, d’un centre de formation',
    ],
    [
      'La Banque du Sahel a approuvé le principe d’une ligne de crédit de 3 milliards pour les start-up.',
      'Banque du Sahel: approuvé le principe d’une ligne de crédit de 3 milliards pour les start-up',
    ],
    [
      'Le ministre Moussa Ag Intalla a assuré que Kora Mobile prendrait en charge la formation de cent techniciens.',
      'Kora Mobile: Kora Mobile prendrait en charge la formation de cent techniciens',
    ],
    [
      'La fondatrice de Tériya Lab, Awa Ouologuem, a annoncé que la société offrira dix bourses aux lauréates.',
      'Awa Ouologuem: la société offrira dix bourses aux lauréates',
    ],
  ])('commitment: %s', (text, expected) => expect(commitments(run(text))).toEqual([expected]));

  it.each([
    [
      'Kora Mobile’s chief executive, Ruth Asante-Boateng, said the company would hire 80 engineers in Bamako.',
      'Ruth Asante-Boateng: the company would hire 80 engineers in Bamako',
    ],
    ['Ruth Asante-Boateng said the new tariff would allow more students to connect.', undefined],
    ['Ruth Asante-Boateng said she hoped the backbone would help halve the price of bandwidth.', undefined],
  ])('English reported future: %s', (text, expected) =>
    expect(commitments(run(text, 'en'))).toEqual(expected ? [expected] : []),
  );

  it('the plural title "les deux directeurs généraux" commits both holders', () => {
    const x = run(
      'Le ministre a reçu le DG de Kora Mobile, Ali Ould Moussa, et celui de Sahel Fibre, Oumar Ould Sidi. Les ' +
        'deux directeurs généraux ont réaffirmé leur engagement à accompagner la transformation digitale du pays.',
    );
    expect(
      commitments(x)
        .map((c) => c.split(':')[0])
        .sort(),
    ).toEqual(['Ali Ould Moussa', 'Oumar Ould Sidi']);
  });
  it('an English wire: roles, agreement and pledge', () => {
    const x = run(
      'Ms Awa SANOGO, Managing Director of the Sahel Digital Fund (SDF), and Mr Karim Ould Ely, Chairman of the ' +
        'Board of Kora Mobile, signed a guarantee agreement on a new fibre network. Kora Mobile pledged to cover ' +
        '200 additional villages.',
      'en',
    );
    expect(rels(x)).toEqual([
      'holds-role Awa Sanogo -> Sahel Digital Fund (Directrice générale)',
      "holds-role Karim Ould Ely -> Kora Mobile (Président du Conseil d'administration)",
      'signed-agreement-with Kora Mobile -> Sahel Digital Fund',
    ]);
    expect(commitments(x)).toContain('Kora Mobile: cover 200 additional villages');
  });
  it('every relation carries its sentence verbatim, with offsets into the text', () => {
    const text =
      'Préambule sans relation. Le ministre de la Communication, Moussa Ag Intalla, a reçu le DG de Kora Mobile, ' +
      'Ali Ould Moussa.';
    const x = run(text);
    expect(x.relations.length).toBeGreaterThan(0);
    for (const r of x.relations) expect(text.slice(r.sentence.start, r.sentence.end)).toBe(r.sentence.text);
  });
});

describe("the genre's turns of phrase", () => {
  const cases: Array<[string, string[]]> = [
    [
      'La ministre Kadiatou Ag Mohamed a accordé une audience, le jeudi 6 mars 2025, au DG de Sahel Fibre, M. ' +
        'Oumar Ould Sidi.',
      [
        'holds-role Oumar Ould Sidi -> Sahel Fibre (Directeur général)',
        'met-with Kadiatou Ag Mohamed -> Oumar Ould Sidi',
      ],
    ],
    [
      'L’Autorité de Régulation des Services Numériques (ARSN) a sanctionné Kora Mobile. La décision a été ' +
        'annoncée par le Directeur général par intérim du régulateur, Dr Issa Ben Cheikh.',
      [
        'holds-role Issa Ben Cheikh -> Autorité de Régulation des Services Numériques (Directeur général)',
        'sanctioned Autorité de Régulation des Services Numériques -> Kora Mobile',
      ],
    ],
    [
      'Un accord de prêt a été signé le lundi 3 mars à Bamako entre la Banque du Sahel (BDS), représentée par ' +
        'son DG, Ali Ould Moussa, et la société Kayira Technologies.',
      [
        'holds-role Ali Ould Moussa -> Banque du Sahel (Directeur général)',
        'signed-agreement-with Banque du Sahel -> Kayira Technologies',
      ],
    ],
  ];
  it.each(cases)('%s', (text, expected) => expect(rels(run(text))).toEqual(expected));

  it.each([
    [
      'Le ministre Moussa Ag Intalla a présidé la cérémonie de signature de la convention de partenariat entre ' +
        'la société Kayira Technologies et la Banque du Sahel (BDS).',
    ],
    ['La société Kayira Technologies et la Banque du Sahel (BDS) ont procédé à la signature d’un accord.'],
  ])('an agreement between two organisations: %s', (text) => {
    expect(rels(run(text), ['signed-agreement-with'])).toEqual([
      'signed-agreement-with Banque du Sahel -> Kayira Technologies',
    ]);
  });
  it.each([
    [
      'La cérémonie s’est déroulée en présence du représentant de la ministre de la Santé, Oumar Sidibé, et de ' +
        'Mme Awa Traoré.',
      'Représentant',
    ],
    ['Le conseiller du ministre, M. Oumar Sidibé, a pris la parole.', 'Conseiller'],
    ['Le ministre de la Santé, Oumar Sidibé, a pris la parole.', 'Ministre'],
  ])('a title whose complement is another title is the person’s: %s', (text, role) => {
    expect(run(text).entities.find((e) => e.name === 'Oumar Sidibé')?.roles).toEqual([role]);
  });
});

describe("the genre's turns of phrase: respectivement, pour sa part, les deux parties", () => {
  it('"respectivement A et B": B is a person too, and each holds the role at the organisation of the same rank', () => {
    const x = run(
      'Les directeurs généraux de Kora Mobile et de Huawei, respectivement Oumar Sidibé et Fatoumata Koné, ont ' +
        'signé l’accord.',
    );
    expect(rels(x, ['holds-role'])).toEqual([
      'holds-role Fatoumata Koné -> Huawei (Directeur général)',
      'holds-role Oumar Sidibé -> Kora Mobile (Directeur général)',
    ]);
  });
  it.each([
    [
      'Un accord de formation a été signé entre M. Oumar Sidibé, le ministre de la Communication, et M. Li Wei, ' +
        'le président du Conseil de surveillance de Huawei.',
      [],
    ],
    ['M. Oumar Sidibé et la société Kayira Technologies ont signé un accord.', []],
    [
      'Un accord a été signé entre M. Oumar Sidibé, directeur général de Kora Mobile, et M. Li Wei, le président ' +
        'du Conseil de surveillance de Huawei.',
      ['signed-agreement-with Huawei -> Kora Mobile'],
    ],
  ])(
    'an agreement binds organisations: a person whose organisation the article does not give is no party: %s',
    (text, expected) => {
      expect(rels(run(text), ['signed-agreement-with'])).toEqual(expected);
    },
  );
  it.each([
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, s’est dit prêt à accompagner les régions du Nord.',
      'Ali Ould Moussa: accompagner les régions du Nord',
    ],
    [
      'Le DG de Kora Mobile, Ali Ould Moussa, a annoncé son intention d’ouvrir un centre de formation à Gao.',
      'Ali Ould Moussa: ouvrir un centre de formation à Gao',
    ],
  ])('a commitment: %s', (text, expected) => expect(commitments(run(text))).toEqual([expected]));
  it('"a, pour sa part, pris l’engagement de" is a commitment of the subject', () => {
    expect(
      commitments(
        run('La ministre Kadiatou Ag Mohamed a, pour sa part, pris l’engagement d’accélérer les autorisations.'),
      ),
    ).toEqual(['Kadiatou Ag Mohamed: accélérer les autorisations']);
  });
  it('"les deux parties" commit the two signatories; "l’agence, quant à elle" the agency', () => {
    const x = run(
      'La société Kayira Technologies et la Banque du Sahel (BDS) ont signé une convention. Les deux parties se ' +
        'sont engagées à lancer le service avant décembre. L’Agence nationale du Numérique (ANN) a suivi les ' +
        'travaux. L’agence, quant à elle, a promis de publier les textes.',
    );
    expect(commitments(x)).toEqual(
      expect.arrayContaining([
        'Kayira Technologies: lancer le service avant décembre',
        'Banque du Sahel: lancer le service avant décembre',
        'Agence nationale du Numérique: publier les textes',
      ]),
    );
  });
});

describe('dates and confidence', () => {
  it('dates the event from the sentence against the publication date, with its precision', () => {
    const x = run(
      'Le ministre Moussa Ag Intalla a reçu mercredi dernier le DG de Kora Mobile, Ali Ould Moussa.',
      'fr',
      { date: '2025-03-14' },
    );
    const met = x.relations.find((r) => r.kind === 'met-with')!;
    expect(met).toMatchObject({ eventDate: '2025-03-12', eventPrecision: 'day' });
    const y = run('En mars 2024, Kora Mobile s’est engagé à déployer cent sites.', 'fr', { date: '2025-01-02' });
    expect(y.relations.find((r) => r.kind === 'committed-to')).toMatchObject({
      eventDate: '2024-03',
      eventPrecision: 'month',
    });
  });
  it('trusts a name more than a pronoun', () => {
    const x = run(
      'Le DG de Kora Mobile, Ali Ould Moussa, a présenté le plan. Il s’est engagé à couvrir cent villages. Ali ' +
        'Ould Moussa s’est aussi engagé à former deux cents techniciens.',
    );
    const [byPronoun, byName] = x.relations.filter((r) => r.kind === 'committed-to');
    expect(byPronoun!.confidence!).toBeLessThan(byName!.confidence!);
    expect(byPronoun!.steps?.[0]).toMatch(/pronoun .*"Il" → Ali Ould Moussa/);
  });
});

describe('within-article resolution', () => {
  it('a surname, a title and a shorter form refer back to the full name', () => {
    const x = run(
      'Le DG de Kora Mobile, Ali Ould Moussa, a présenté son plan. M. Ould Moussa a rappelé les investissements. ' +
        'Le DG a conclu la séance.',
    );
    const people = x.entities.filter((e) => e.kind === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]!.mentions.length).toBe(2);
  });
  it('never makes an entity of a bare surname', () => {
    expect(names(run('M. Traoré a parlé. Mme Diallo a répondu.'), 'person')).toEqual([]);
  });
  it('a ministry named by part of its portfolio is the full ministry', () => {
    const x = run(
      'Le ministère en charge de la Communication a organisé l’atelier. Le Secrétaire général du ministère de la ' +
        'Communication, de l’Économie numérique et de la Modernisation de l’Administration, Alou Ag Ahmed, a ' +
        'ouvert les travaux.',
    );
    expect(names(x, 'organisation')).toEqual([
      'Ministère de la Communication, de l’Économie numérique et de la Modernisation de l’Administration',
    ]);
    expect(rels(x)).toContain(
      'holds-role Alou Ag Ahmed -> Ministère de la Communication, de l’Économie numérique et de la Modernisation ' +
        'de l’Administration (Secrétaire général)',
    );
  });
});
