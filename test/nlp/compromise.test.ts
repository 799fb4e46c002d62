// The NLP pass runs over the sentences the mention rules ask about; its answers must be the ones a
// pass over the whole text gives for those sentences, at the text's own offsets.
import { describe, expect, it } from 'vitest';
import { firstNameTokens, firstNameTokensIn } from '../../src/nlp/compromise.js';
import { splitSentences } from '../../src/nlp/sentences.js';

const text =
  'Le ministre de l’Économie numérique a reçu mardi une délégation. ' +
  'Moussa Diarra, accompagné de Fatoumata Sidibé, a présenté le projet. ' +
  'La séance s’est tenue à Bamako. Selon Me Abdoulaye Touré, l’accord sera signé en mars.';

describe('firstNameTokensIn', () => {
  it('gives, for the sentences asked about, the first names a whole-text pass gives, at the same offsets', () => {
    const sentences = splitSentences(text);
    const asked = [sentences[1]!, sentences[3]!];
    const whole = [...firstNameTokens(text)].filter((o) => asked.some((s) => o >= s.start && o < s.end));
    const some = [...firstNameTokensIn(text, asked)].sort((a, b) => a - b);
    expect(some).toEqual(whole.sort((a, b) => a - b));
    expect(some.map((o) => text.slice(o, o + 6))).toEqual(['Moussa', 'Abdoul']);
  });

  it('runs no pass when no sentence is asked about', () => {
    expect(firstNameTokensIn(text, []).size).toBe(0);
  });
});
