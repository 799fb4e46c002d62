// Write a graphology JSON graph into a store folder that loadStore accepts as is: meta.json, one
// minimal articles.jsonl record per article the evidence cites (so that graph.json's `articles`
// attribute matches and the graph is not rebuilt), and graph.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SerializedGraph } from 'graphology-types';
import type { StoredArticle } from '../../src/types.js';

export const VIEWER_FIXTURE = new URL('../fixtures/viewer-graph.json', import.meta.url);

export async function readFixture(url: URL = VIEWER_FIXTURE): Promise<SerializedGraph> {
  return JSON.parse(await readFile(url, 'utf8')) as SerializedGraph;
}

/** Articles cited by the graph's evidence and nodes, with the metadata the evidence carries. */
export function articlesOf(graph: SerializedGraph): StoredArticle[] {
  const byId = new Map<string, StoredArticle>();
  const add = (id: string, meta: Record<string, unknown> = {}) => {
    const cur = byId.get(id);
    if (cur)
      return void Object.assign(
        cur.article,
        Object.fromEntries(Object.entries(meta).filter(([k]) => !(k in cur.article))),
      );
    const article: StoredArticle['article'] = { id, lang: 'fr', text: '' };
    for (const f of ['title', 'date', 'source', 'url'] as const)
      if (typeof meta[f] === 'string') article[f] = meta[f] as string;
    byId.set(id, { article, extraction: { article: id, entities: [], relations: [] } });
  };
  for (const e of graph.edges)
    for (const ev of (e.attributes?.evidence ?? []) as Record<string, unknown>[]) add(ev.article as string, ev);
  for (const n of graph.nodes) for (const id of (n.attributes?.articles ?? []) as string[]) add(id);
  return [...byId.values()].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
}

/** Write `graph` as a store in `dir`; returns the number of articles written. */
export async function writeFixtureStore(dir: string, graph: SerializedGraph): Promise<number> {
  await mkdir(dir, { recursive: true });
  const articles = articlesOf(graph);
  const g = { ...graph, attributes: { ...graph.attributes, version: 1, articles: articles.length } };
  await writeFile(join(dir, 'meta.json'), JSON.stringify({ format: 'kunafoni-store', version: 1 }) + '\n');
  await writeFile(join(dir, 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  await writeFile(join(dir, 'graph.json'), JSON.stringify(g));
  return articles.length;
}
