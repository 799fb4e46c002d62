// Plain text: a raw page dump (menus, "top of page", ratings…) or a clean article.
import { cleanText } from '../clean/clean.js';
import { SourceError } from '../errors.js';
import type { SourceReader } from './reader.js';

export const textReader: SourceReader = {
  id: 'text',
  extensions: ['.txt', '.text'],
  detect: () => true,
  read(origin, content) {
    const cleaned = cleanText(content);
    if (!cleaned.text.trim()) throw new SourceError(origin, 'no article text is left once page furniture is removed');
    const draft: ReturnType<SourceReader['read']>[number] = { text: cleaned.text, origin };
    if (cleaned.headline) draft.title = cleaned.headline;
    if (cleaned.author) draft.author = cleaned.author;
    if (cleaned.outlet) draft.source = cleaned.outlet;
    return [draft];
  },
};
