// Page furniture: lines that belong to the web page around an article, not to the article.
// Whole lines are dropped; characters inside a kept line are never changed (evidence is verbatim).

/** Each rule is one line of data with an id, so a dropped line can be explained. */
export const FURNITURE_RULES: ReadonlyArray<{ id: string; pattern: RegExp }> = [
  { id: 'page-edge', pattern: /^(top|bottom) of page$/i },
  { id: 'comments', pattern: /^(commentaires?|comments?|laisser un commentaire|leave a comment|\d+ commentaires?)$/i },
  {
    id: 'rating',
    pattern:
      /^(noté \d+([.,]\d+)? étoiles? sur \d+\.?|pas encore de note|ajouter une note\*?|rated \d+ out of \d+.*)$/i,
  },
  {
    id: 'share',
    pattern: new RegExp(
      String.raw`^(partager|partagez|share|facebook|twitter|x|whatsapp|linkedin|imprimer|print|e-?mail|j'aime|like)` +
        String.raw`( (sur|on) \w+)?:?$`,
      'i',
    ),
  },
  { id: 'read-time', pattern: /^-?\s*\d+ min(utes?)? de lecture$|^-?\s*\d+ min read$/i },
  { id: 'relative-date', pattern: /^-?\s*il y a \d+ (minutes?|heures?|jours?|semaines?|mois)$/i },
  {
    id: 'see-also',
    pattern:
      /^(lire aussi|à lire aussi|voir aussi|read more|related|articles similaires|publicité|advertisement)\b.*$/i,
  },
  { id: 'sample-label', pattern: /^\[(article fictif|fictional article|fictional sample)[^\]]*\]$/i },
  {
    id: 'nav',
    pattern: /^(accueil|home|menu|rechercher|search|se connecter|connexion|s'abonner|subscribe|newsletter)$/i,
  },
];

export const furnitureRule = (line: string): string | undefined => {
  const s = line.replace(/\u00a0/g, ' ').trim();
  return FURNITURE_RULES.find((r) => r.pattern.test(s))?.id;
};

/** True for a line with no visible characters (spaces, no-break spaces). */
export const isBlank = (line: string): boolean => !line.replace(/[\s\u00a0\u200b]/g, '');
