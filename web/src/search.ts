// Search over labels and aliases, insensitive to accents, case and apostrophe style (minisearch).
// Topics are found by their French and English labels; hits carry the label in the interface's language.
import MiniSearch from 'minisearch';
import type { Lang } from './i18n.js';
import { nodeLabel } from './labels.js';
import type { NodeKind, ViewGraph } from './model.js';

/** "N’Diaye" and "n'diaye", "Ilyène" and "ilyene" become the same term. */
export const normalise = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´']/g, '');

export interface Hit {
  key: string;
  /** The entity's label in the language asked for. */
  label: string;
  kind: NodeKind;
  /** The alias that matched when the label did not. */
  via?: string;
}

interface Doc {
  id: string;
  label: string;
  /** The label in English when it differs (topics of the taxonomy); '' otherwise. */
  labelEn: string;
  aliases: string;
  kind: NodeKind;
  mentions: number;
}

export function buildIndex(graph: ViewGraph) {
  const ms = new MiniSearch<Doc>({
    fields: ['label', 'labelEn', 'aliases'],
    storeFields: ['label', 'labelEn', 'kind', 'aliases', 'mentions'],
    processTerm: (t) => normalise(t) || null,
    tokenize: (t) => t.split(/[\s\-,.;:()/]+/u).filter(Boolean),
  });
  const docs: Doc[] = [];
  graph.forEachNode((key, a) => {
    const en = nodeLabel(a, 'en');
    docs.push({
      id: key,
      label: a.label,
      labelEn: en === a.label ? '' : en,
      aliases: (a.aliases ?? []).join(' | '),
      kind: a.kind,
      mentions: a.mentions ?? 0,
    });
  });
  ms.addAll(docs);
  return {
    /** Best matches first: exact label, then prefix, then fuzzy; ties by mentions. Labels in `lang`. */
    search(query: string, lang: Lang = 'fr', limit = 8): Hit[] {
      const q = query.trim();
      if (!q) return [];
      const nq = normalise(q);
      const results = ms.search(q, {
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
        boost: { label: 3, labelEn: 3 },
        combineWith: 'AND',
      });
      const shown = (r: (typeof results)[number]) => (lang === 'en' && r.labelEn ? r.labelEn : r.label) as string;
      const names = (r: (typeof results)[number]) => [r.label as string, (r.labelEn as string) || ''].filter(Boolean);
      const hits = results.map((r) => {
        const exact = names(r).some((l) => normalise(l) === nq) ? 1 : 0;
        const starts = names(r).some((l) => normalise(l).startsWith(nq)) ? 1 : 0;
        return { r, score: r.score + exact * 1000 + starts * 100 + Math.log1p((r.mentions as number) ?? 0) };
      });
      hits.sort((a, b) => b.score - a.score || shown(a.r).localeCompare(shown(b.r)));
      const word = nq.split(/\s+/)[0] ?? '';
      return hits.slice(0, limit).map(({ r }) => {
        const label = shown(r);
        const hit: Hit = { key: String(r.id), label, kind: r.kind as NodeKind };
        if (!normalise(label).includes(word)) {
          // matched through an alias, or the label in the other language
          const other = names(r).filter((l) => l !== label);
          const alias = [...String(r.aliases ?? '').split(' | '), ...other].find((al) => normalise(al).includes(word));
          if (alias) hit.via = alias;
        }
        return hit;
      });
    },
  };
}

export type SearchIndex = ReturnType<typeof buildIndex>;
