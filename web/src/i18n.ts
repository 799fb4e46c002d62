// Interface strings, French by default, English on request. Strings only: rendering always goes
// through textContent.
import type { NodeKind, RelationKind } from './model.js';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

const fr = {
  title: 'Kunafoni — graphe des acteurs du numérique au Mali',
  search: 'Rechercher une personne, une organisation, un thème…',
  searchLabel: 'Rechercher',
  noMatch: 'Aucun résultat',
  filters: 'Filtres',
  legend: 'Légende',
  nodeKinds: 'Entités',
  edgeKinds: 'Relations',
  minSources: 'Sources distinctes (min.)',
  verifiedOnly: 'Relations vérifiées seulement',
  period: 'Période',
  articlesOverTime: 'Articles dans le temps',
  play: 'Lecture',
  pause: 'Pause',
  reset: 'Tout afficher',
  sizeBy: 'Taille selon',
  sizeMentions: 'mentions',
  sizeDegree: 'degré',
  sizeWeightedDegree: 'degré pondéré',
  sizeBetweenness: 'intermédiarité',
  sizePagerank: 'PageRank',
  colorBy: 'Couleur selon',
  colorKind: 'type',
  colorCommunity: 'communauté',
  layoutStart: 'Spatialiser',
  layoutStop: 'Arrêter',
  exportGexf: 'GEXF',
  exportPng: 'PNG',
  exportGexfTitle: 'Exporter le graphe visible en GEXF (Gephi)',
  exportPngTitle: 'Exporter l’image du graphe visible',
  close: 'Fermer',
  kind: 'Type',
  aliases: 'Autres noms',
  roles: 'Fonctions',
  mentions: 'Articles',
  firstSeen: 'Première mention',
  lastSeen: 'Dernière mention',
  relations: 'Relations',
  evidence: 'Preuves',
  readArticle: 'Lire l’article',
  untitled: 'Article sans titre',
  unknownSource: 'source inconnue',
  undated: 'sans date',
  sources: 'Sources',
  weight: 'Articles',
  role: 'Fonction',
  commitment: 'Engagement',
  more: (n: number) => `… et ${n} de plus`,
  shown: (n: number, e: number, total: number) =>
    `${n} nœuds, ${e} liens affichés` + (n < total ? ` (sur ${total} nœuds)` : ''),
  show: 'Afficher',
  topN: (n: number) => `les ${n} plus cités`,
  topAll: (n: number) => `tous (${n})`,
  loading: 'Chargement du graphe…',
  loadError: 'Impossible de charger le graphe',
  empty: 'Le graphe est vide : ingérez des articles avec « kunafoni ingest ».',
  switchLang: 'English',
  switchLangTitle: 'Switch to English',
  noSelection: 'Cliquez sur un nœud ou un lien pour voir ses preuves.',
  includeUndated: 'Inclure « sans date »',
  undatedCount: (n: number) => `(${n} article${n > 1 ? 's' : ''})`,
  hideIsolated: 'Masquer les entités sans relation',
  minConfidence: 'Confiance (min.)',
  egoDepth: 'Voisinage de la sélection',
  egoAll: 'tout le graphe',
  egoSteps: (n: number) => `${n} pas`,
  labelDensity: 'Densité des étiquettes',
  legendSize: 'Taille d’un disque : nombre d’articles qui citent l’entité (ou son degré, selon « Taille selon »)',
  legendWidth: 'Épaisseur d’un lien : nombre d’articles qui énoncent la relation',
  legendArrow: 'Flèche : relation orientée (fonction, engagement, sanction…) ; trait sans flèche : rencontre, accord',
  legendCurve: 'Courbes : plusieurs relations entre les deux mêmes entités',
  table: 'Tableau',
  tableTitle: 'Les entités et relations visibles, à trier, filtrer et exporter',
  tableEntities: 'Entités',
  tableRelations: 'Relations',
  tableFilter: 'Filtrer les lignes…',
  tableExport: 'Exporter en CSV',
  tableRows: (n: number, total: number) => `${n} ligne${n > 1 ? 's' : ''}` + (n < total ? ` sur ${total}` : ''),
  colLabel: 'Nom',
  colKind: 'Type',
  colMentions: 'Articles',
  colDegree: 'Relations',
  colFirst: 'Première date',
  colLast: 'Dernière date',
  colSource: 'Source',
  colRelation: 'Relation',
  colTarget: 'Cible',
  colDetail: 'Fonction / engagement',
  colWeight: 'Articles',
  colConfidence: 'Confiance',
  rule: 'règle',
  confidence: 'confiance',
  articles: 'Articles',
  noRelation: 'Aucune relation extraite ; les articles qui la citent :',
};

export type Strings = typeof fr;

const en: Strings = {
  title: 'Kunafoni — who is who in Mali’s digital sector',
  search: 'Search a person, an organisation, a topic…',
  searchLabel: 'Search',
  noMatch: 'No match',
  filters: 'Filters',
  legend: 'Legend',
  nodeKinds: 'Entities',
  edgeKinds: 'Relations',
  minSources: 'Distinct sources (min.)',
  verifiedOnly: 'Verified relations only',
  period: 'Period',
  articlesOverTime: 'Articles over time',
  play: 'Play',
  pause: 'Pause',
  reset: 'Show all',
  sizeBy: 'Size by',
  sizeMentions: 'mentions',
  sizeDegree: 'degree',
  sizeWeightedDegree: 'weighted degree',
  sizeBetweenness: 'betweenness',
  sizePagerank: 'PageRank',
  colorBy: 'Colour by',
  colorKind: 'kind',
  colorCommunity: 'community',
  layoutStart: 'Layout',
  layoutStop: 'Stop',
  exportGexf: 'GEXF',
  exportPng: 'PNG',
  exportGexfTitle: 'Export the visible graph as GEXF (Gephi)',
  exportPngTitle: 'Export an image of the visible graph',
  close: 'Close',
  kind: 'Kind',
  aliases: 'Also known as',
  roles: 'Roles',
  mentions: 'Articles',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  relations: 'Relations',
  evidence: 'Evidence',
  readArticle: 'Read the article',
  untitled: 'Untitled article',
  unknownSource: 'unknown outlet',
  undated: 'undated',
  sources: 'Sources',
  weight: 'Articles',
  role: 'Role',
  commitment: 'Commitment',
  more: (n: number) => `… and ${n} more`,
  shown: (n: number, e: number, total: number) =>
    `${n} nodes, ${e} edges shown` + (n < total ? ` (of ${total} nodes)` : ''),
  show: 'Show',
  topN: (n: number) => `the ${n} most mentioned`,
  topAll: (n: number) => `all (${n})`,
  loading: 'Loading the graph…',
  loadError: 'Could not load the graph',
  empty: 'The graph is empty: ingest articles with "kunafoni ingest".',
  switchLang: 'Français',
  switchLangTitle: 'Passer en français',
  noSelection: 'Click a node or an edge to see its evidence.',
  includeUndated: 'Include “undated”',
  undatedCount: (n: number) => `(${n} article${n > 1 ? 's' : ''})`,
  hideIsolated: 'Hide entities without relations',
  minConfidence: 'Confidence (min.)',
  egoDepth: 'Neighbourhood of the selection',
  egoAll: 'whole graph',
  egoSteps: (n: number) => `${n} step${n > 1 ? 's' : ''}`,
  labelDensity: 'Label density',
  legendSize: 'Disc size: number of articles naming the entity (or its degree, see “Size by”)',
  legendWidth: 'Edge width: number of articles stating the relation',
  legendArrow: 'Arrow: directed relation (role, commitment, sanction…); no arrow: meeting, agreement',
  legendCurve: 'Curves: several relations between the same two entities',
  table: 'Table',
  tableTitle: 'The visible entities and relations: sort, filter, export',
  tableEntities: 'Entities',
  tableRelations: 'Relations',
  tableFilter: 'Filter rows…',
  tableExport: 'Export as CSV',
  tableRows: (n: number, total: number) => `${n} row${n > 1 ? 's' : ''}` + (n < total ? ` of ${total}` : ''),
  colLabel: 'Name',
  colKind: 'Kind',
  colMentions: 'Articles',
  colDegree: 'Relations',
  colFirst: 'First date',
  colLast: 'Last date',
  colSource: 'Source',
  colRelation: 'Relation',
  colTarget: 'Target',
  colDetail: 'Role / commitment',
  colWeight: 'Articles',
  colConfidence: 'Confidence',
  rule: 'rule',
  confidence: 'confidence',
  articles: 'Articles',
  noRelation: 'No relation extracted; the articles naming it:',
};

export const STRINGS: Record<Lang, Strings> = { fr, en };

export const NODE_KIND_LABELS: Record<Lang, Record<NodeKind, string>> = {
  fr: { person: 'Personne', organisation: 'Organisation', topic: 'Thème', place: 'Lieu' },
  en: { person: 'Person', organisation: 'Organisation', topic: 'Topic', place: 'Place' },
};

export const RELATION_LABELS: Record<Lang, Record<RelationKind, string>> = {
  fr: {
    'met-with': 'a rencontré',
    'holds-role': 'occupe une fonction à',
    'committed-to': 's’est engagé sur',
    'signed-agreement-with': 'a signé un accord avec',
    sanctioned: 'a sanctionné',
    discussed: 'a évoqué',
  },
  en: {
    'met-with': 'met with',
    'holds-role': 'holds a role at',
    'committed-to': 'committed to',
    'signed-agreement-with': 'signed an agreement with',
    sanctioned: 'sanctioned',
    discussed: 'discussed',
  },
};

/** Relation kinds as legend entries and panel headings. */
export const RELATION_NAMES: Record<Lang, Record<RelationKind, string>> = {
  fr: {
    'met-with': 'Rencontres',
    'holds-role': 'Fonctions',
    'committed-to': 'Engagements',
    'signed-agreement-with': 'Accords signés',
    sanctioned: 'Sanctions',
    discussed: 'Sujets évoqués',
  },
  en: {
    'met-with': 'Meetings',
    'holds-role': 'Roles',
    'committed-to': 'Commitments',
    'signed-agreement-with': 'Agreements',
    sanctioned: 'Sanctions',
    discussed: 'Discussed',
  },
};

/** A date as the reader of that language writes it (YYYY, YYYY-MM or YYYY-MM-DD in). */
export function formatDate(iso: string | undefined, lang: Lang): string {
  if (!iso) return STRINGS[lang].undated;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const opts: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric' }
    : mo
      ? { month: 'long', year: 'numeric' }
      : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }).format(date);
}

/** "first → last" in `lang` (one date when they are the same); undefined without a first date. */
export function dateRange(first: string | undefined, last: string | undefined, lang: Lang): string | undefined {
  if (!first) return undefined;
  return last && last !== first ? `${formatDate(first, lang)} → ${formatDate(last, lang)}` : formatDate(first, lang);
}
