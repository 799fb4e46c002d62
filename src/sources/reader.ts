// The reader contract: one reader per format, behind one registry {id, detect, read}.
import type { SourceError } from '../errors.js';
import type { ArticleDraft } from './article.js';

/** What is known about a source besides its content: where it was fetched from, what the server called it. */
export interface ReadContext {
  /** The URL the content was fetched from (after redirects): resolves relative links, names the outlet. */
  url?: string;
  /** The HTTP Content-Type, when fetched. */
  contentType?: string;
}

export interface SourceReader {
  id: string;
  /** File extensions (lower case, with the dot) this reader takes. */
  extensions: readonly string[];
  /** True when the decoded content is in this reader's format (used when the extension says nothing). */
  detect(origin: string, content: string): boolean;
  /**
   * Drafts of the articles in the content. Throws SourceError when the whole source is bad; a bad
   * record among good ones (a JSON line) comes back as a SourceError in the list, so the rest goes through.
   */
  read(origin: string, content: string, context?: ReadContext): Array<ArticleDraft | SourceError>;
}
