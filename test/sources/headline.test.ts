// An article without a title (a raw page dump, front matter without `title`) gets its first sentence
// as headline, so the viewer and the exports never say "Article sans titre" for it.
import { describe, expect, it } from 'vitest';
import { finaliseArticle, headlineFromText } from '../../src/sources/article.js';

describe('headline from the text', () => {
  it.each([
    [
      'Orange Mali signe un accord avec Huawei à Bamako. La suite du texte.',
      'Orange Mali signe un accord avec Huawei à Bamako',
    ],
    [
      'Le ministre de la Communication, de la Poste et des Nouvelles technologies, Hamadoun Touré s’est ' +
        'rendu le jeudi dernier au siège de la société. Il a été accueilli.',
      'Le ministre de la Communication, de la Poste et des Nouvelles technologies, Hamadoun Touré s’est rendu le…',
    ],
    ['Une ligne sans point final\n\nUn paragraphe.', 'Une ligne sans point final'],
  ])('%j → %j', (text, headline) => {
    expect(headlineFromText(text)).toBe(headline);
    expect(headlineFromText(text)!.length).toBeLessThanOrEqual(111);
  });

  it('fills a missing title only; a given title and the text stay as they are', () => {
    const text = 'Orange Mali signe un accord avec Huawei à Bamako. La suite du texte.';
    expect(finaliseArticle({ text, lang: 'fr' }).title).toBe('Orange Mali signe un accord avec Huawei à Bamako');
    expect(finaliseArticle({ text, lang: 'fr', title: 'Un titre' }).title).toBe('Un titre');
    expect(finaliseArticle({ text, lang: 'fr' }).text).toBe(text);
  });
});
