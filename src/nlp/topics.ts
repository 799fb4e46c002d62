// Topics of the taxonomy (data/topics.json) that a phrase speaks of, most keywords first.
import { normaliseName } from '../text/keys.js';
import { lexicon, type Topic } from './lexicon.js';

let index: Array<{ topic: Topic; fr: string[]; en: string[] }> | undefined;

export function topicsIn(text: string, lang: 'fr' | 'en'): Topic[] {
  index ??= lexicon().topics.map((topic) => ({
    topic,
    fr: topic.keywords.fr.map(normaliseName),
    en: topic.keywords.en.map(normaliseName),
  }));
  const t = ` ${normaliseName(text)} `;
  return index
    .map((x, order) => {
      const kws = lang === 'en' ? [...x.en, ...x.fr] : [...x.fr, ...x.en];
      return { topic: x.topic, hits: kws.filter((k) => k && t.includes(` ${k}`)).length, order };
    })
    .filter((x) => x.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .map((x) => x.topic);
}
