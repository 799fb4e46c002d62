// Search over labels and aliases, insensitive to accents, case and apostrophe style (minisearch).
import MiniSearch from 'minisearch';
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
  label: string;
  kind: NodeKind;
  /** The alias that matched when the label did not. */
  via?: string;
}

interface Doc {
  id: string;
  label: string;
  aliases: string;
  kind: NodeKind;
  mentions: number;
}

export function buildIndex(graph: ViewGraph) {
  const ms = new MiniSearch<Doc>({
    fields: ['label', 'aliases'],
    storeFields: ['label', 'kind', 'aliases', 'mentions'],
    processTerm: (t) => normalise(t) || null,
    tokenize: (t) => t.split(/[\s\-,.;:()/]+/u).filter(Boolean),
  });
  const docs: Doc[] = [];
  graph.forEachNode((key, a) =>
    docs.push({
      id: key,
      label: a.label,
      aliases: (a.aliases ?? []).join(' | '),
      kind: a.kind,
      mentions: a.mentions ?? 0,
    }),
  );
  ms.addAll(docs);
  return {
    /** Best matches first: exact label, then prefix, then fuzzy; ties by mentions. */
    search(query: string, limit = 8): Hit[] {
      const q = query.trim();
      if (!q) return [];
      const nq = normalise(q);
      const results = ms.search(q, {
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
        boost: { label: 3 },
        combineWith: 'AND',
      });
      const hits = results.map((r) => {
        const label = r.label as string;
        const exact = normalise(label) === nq ? 1 : 0;
        const starts = normalise(label).startsWith(nq) ? 1 : 0;
        return { r, score: r.score + exact * 1000 + starts * 100 + Math.log1p((r.mentions as number) ?? 0) };
      });
      hits.sort((a, b) => b.score - a.score || String(a.r.label).localeCompare(String(b.r.label)));
      return hits.slice(0, limit).map(({ r }) => {
        const label = r.label as string;
        const hit: Hit = { key: String(r.id), label, kind: r.kind as NodeKind };
        if (!normalise(label).includes(nq.split(/\s+/)[0] ?? '')) {
          const alias = String(r.aliases ?? '')
            .split(' | ')
            .find((al) => normalise(al).includes(nq.split(/\s+/)[0] ?? ''));
          if (alias) hit.via = alias;
        }
        return hit;
      });
    },
  };
}

export type SearchIndex = ReturnType<typeof buildIndex>;
