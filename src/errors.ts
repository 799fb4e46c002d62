// Errors as named classes whose message says what was wrong, where, and what was expected.

export class KunafoniError extends Error {
  override name = 'KunafoniError';
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
}

/** A source (file, URL, stdin) that cannot be read as an article. */
export class SourceError extends KunafoniError {
  override name = 'SourceError';
  constructor(
    readonly origin: string,
    readonly problem: string,
  ) {
    super(`${origin}: ${problem}`);
  }
}

/** The store cannot be read or written. Nothing is overwritten when this is thrown. */
export class StoreError extends KunafoniError {
  override name = 'StoreError';
  constructor(
    readonly dir: string,
    readonly problem: string,
  ) {
    super(`store ${dir}: ${problem}`);
  }
}

/** The store's curation file (curation.json) cannot be read or is invalid: the articles and graph are intact. */
export class CurationFileError extends StoreError {
  override name = 'CurationFileError';
}

/** The command line or an option was wrong. */
export class UsageError extends KunafoniError {
  override name = 'UsageError';
  override readonly exitCode = 2;
}

/** A name given to a query matches no entity. */
export class NotFoundError extends KunafoniError {
  override name = 'NotFoundError';
  constructor(
    readonly query: string,
    readonly suggestions: string[],
  ) {
    super(
      `no entity matches "${query}"` +
        (suggestions.length ? `; closest: ${suggestions.map((s) => `"${s}"`).join(', ')}` : ''),
    );
  }
}

/** One line of the ambiguous-name message: label, kind, first role, articles, key. */
const candidateLine = (c: NameCandidate) => {
  const about = [c.kind, ...c.roles.slice(0, 1)].join(', ');
  return `  ${c.label} (${about}; ${c.mentions} article${c.mentions === 1 ? '' : 's'})  ${c.key}`;
};

/** One of the entities an ambiguous name may designate. */
export interface NameCandidate {
  key: string;
  label: string;
  kind: string;
  /** Persons: the titles the articles give them (first ones). */
  roles: string[];
  mentions: number;
}

/** A name that several entities carry (or whose words several hold): the caller must pick one. */
export class AmbiguousNameError extends KunafoniError {
  override name = 'AmbiguousNameError';
  constructor(
    readonly query: string,
    readonly candidates: NameCandidate[],
  ) {
    super(
      `"${query}" is ambiguous: ${candidates.length} entities match; give the full name or the node key:\n` +
        candidates.map(candidateLine).join('\n'),
    );
  }
}

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
