// Data labels (roles, topics) in the interface's language. The store keeps them in French (the
// lexicons' canonical forms); English comes from the topic taxonomy's `labelEn` and the table of
// canonical roles below. A label we cannot translate is shown as stored.
import taxonomy from '../../data/topics.json';
import roleLexicon from '../../data/lexicons/roles.json';
import type { Lang } from './i18n.js';

const key = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").toLowerCase().trim();

type Topic = { label: string; labelEn?: string };
const { topics, fallback } = taxonomy as { topics: Topic[]; fallback?: Topic };
const TOPICS_EN = new Map<string, string>(
  [...topics, ...(fallback ? [fallback] : [])]
    .filter((t) => t.labelEn)
    .map((t): [string, string] => [key(t.label), t.labelEn!]),
);

/** The canonical roles of data/lexicons/roles.json, in English. */
const ROLES_EN = new Map<string, string>(
  (
    [
      ['Président directeur général', 'Chairman and CEO'],
      ['Directeur général adjoint', 'Deputy Director General'],
      ['Directeur général', 'Director General'],
      ["Président du Conseil d'administration", 'Chairman of the Board'],
      ['Président du Conseil de surveillance', 'Chairman of the Supervisory Board'],
      ['Directeur exécutif', 'Executive Director'],
      ['Directeur adjoint', 'Deputy Director'],
      ['Directeur technique', 'Chief Technical Officer'],
      ['Directeur financier', 'Chief Financial Officer'],
      ['Directeur commercial', 'Sales Director'],
      ['Directeur des opérations', 'Chief Operating Officer'],
      ['Directeur pays', 'Country Director'],
      ['Gérant', 'Manager'],
      ['Maire', 'Mayor'],
      ['Préfet', 'Prefect'],
      ['Député', 'Member of Parliament'],
      ['Rapporteur', 'Rapporteur'],
      ['Analyste', 'Analyst'],
      ['Directeur', 'Director'],
      ['Secrétaire général', 'Secretary General'],
      ['Premier ministre', 'Prime Minister'],
      ['Ministre', 'Minister'],
      ['Président de la République', 'President of the Republic'],
      ['Président-fondateur', 'Founding President'],
      ['1er vice-président', 'First Vice-President'],
      ['Vice-président', 'Vice-President'],
      ['Président', 'President'],
      ['Fondateur', 'Founder'],
      ['Représentant résident', 'Resident Representative'],
      ['Représentant', 'Representative'],
      ['Ambassadeur', 'Ambassador'],
      ['Porte-parole', 'Spokesperson'],
      ['Coordinateur', 'Coordinator'],
      ['Conseiller', 'Adviser'],
      ['Chef de service', 'Head of Department'],
      ['Responsable', 'Manager'],
      ['Gouverneur', 'Governor'],
      ['Commissaire', 'Commissioner'],
      ['Administrateur', 'Board Member'],
      ['Chef', 'Head'],
    ] as const
  ).map(([fr, en]): [string, string] => [key(fr), en]),
);
// a woman's title ("Directrice générale") reads as its canonical role does
for (const r of (roleLexicon as { roles: Array<{ role: string; feminine?: { role: string } }> }).roles) {
  const en = ROLES_EN.get(key(r.role));
  if (r.feminine && en && !ROLES_EN.has(key(r.feminine.role))) ROLES_EN.set(key(r.feminine.role), en);
}

/** A topic's label in the interface's language. */
export const topicLabel = (label: string, lang: Lang): string =>
  lang === 'en' ? (TOPICS_EN.get(key(label)) ?? label) : label;

/**
 * A role in the interface's language: a canonical role, or one that starts with one
 * ("Ministre de …" → "Minister (de …)").
 */
export function roleLabel(role: string, lang: Lang): string {
  if (lang !== 'en') return role;
  const k = key(role);
  const exact = ROLES_EN.get(k);
  if (exact) return exact;
  let best: [string, string] | undefined;
  for (const [fr, en] of ROLES_EN) if (k.startsWith(fr + ' ') && (!best || fr.length > best[0].length)) best = [fr, en];
  return best ? `${best[1]} (${role.slice(best[0].length).trim()})` : role;
}

/** An entity's label as the interface shows it: topics translated, other names as they are. */
export const nodeLabel = (a: { label: string; kind: string }, lang: Lang): string =>
  a.kind === 'topic' ? topicLabel(a.label, lang) : a.label;
