// A read-only view of a graphology graph: every reading method works (and graphology's libraries
// accept it), every mutating method throws. Attribute objects are the store's own: do not modify them.
import { KunafoniError } from '../errors.js';
import type { KGraph } from './build.js';

const MUTATORS = /^(add|merge|update|drop|remove|set|replace|clear|import)/;

/** Thrown when a script tries to modify the store's graph through the query API. */
export class ReadOnlyGraphError extends KunafoniError {
  override name = 'ReadOnlyGraphError';
  constructor(method: string) {
    super(`graph.${method}(): the store's graph is read-only; call graph.copy() and modify the copy`);
  }
}

type Mutator = {
  [
    K in keyof KGraph
  ]: K extends `${'add' | 'merge' | 'update' | 'drop' | 'remove' | 'set' | 'replace' | 'clear' | 'import'}${string}`
    ? K
    : never;
}[keyof KGraph];

/** The graph type the query API hands out: graphology's reading methods only. */
export type ReadonlyKGraph = Omit<KGraph, Mutator>;

export function readOnlyGraph(graph: KGraph): ReadonlyKGraph {
  return new Proxy(graph, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop === 'string' && typeof value === 'function' && MUTATORS.test(prop))
        return () => {
          throw new ReadOnlyGraphError(prop);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(_target, prop) {
      throw new ReadOnlyGraphError(String(prop));
    },
  });
}
