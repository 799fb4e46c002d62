// Deterministic keys: the same name always gives the same key, whatever the article or the order.

/** Lower case, no accents, typographic apostrophes folded, punctuation to single spaces. */
export const normaliseName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A slug for node keys: "Leyti N’Diaye" → "leyti-ndiaye". */
export const slug = (s: string): string => normaliseName(s).replace(/ /g, '-');

export const KIND_PREFIX = { person: 'person', organisation: 'org', topic: 'topic', place: 'place' } as const;
