// openStore: the entry point for scripts. Loads a store folder and returns the query API over it.
import { loadGraph } from '../library/store.js';
import { DEFAULT_STORE } from '../library/store.js';
import { queryGraph, type KunafoniQuery } from './query.js';

export interface OpenedStore extends KunafoniQuery {
  /** Absolute path of the store folder. */
  readonly dir: string;
  /** Number of articles in the store. */
  readonly articleCount: number;
}

/**
 * Open a store for querying (default `data/store`, relative to the working directory).
 *
 *     const store = await openStore('data/store');
 *     store.neighbors('Huawei').map((n) => n.entity.label);
 */
export async function openStore(dir: string = DEFAULT_STORE): Promise<OpenedStore> {
  const store = await loadGraph(dir, { mustExist: true });
  return Object.assign(queryGraph(store.graph), { dir: store.dir, articleCount: store.articleCount });
}
