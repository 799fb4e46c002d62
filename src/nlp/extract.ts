// Extraction of one article: sentences, mentions, within-article resolution, relations (the rules' and,
// when a model is trained, the candidates it scores at or above its threshold). Pure: no I/O beyond
// the data files read once.
import type { Article, Extraction, LocalEntity, LocalRelation, Sentence } from '../types.js';
import { resolveLocal } from './coref.js';
import { describedMentions } from './descriptions.js';
import { topicLabel, type Span } from './candidates.js';
import { findMentions } from './mentions.js';
import { genderRoles, womenOf } from './gender.js';
import { extractRelations } from './relations.js';
import { scoreRelations, scoringMode, type ScoringMode } from './scorer.js';
import { splitSentences } from './sentences.js';

/** What the rules make of an article, before any scoring: what training and scoring start from. */
export interface RuleExtraction {
  sentences: Sentence[];
  entities: LocalEntity[];
  relations: LocalRelation[];
  /** Mentions the rules resolved that are not names (titles standing for people), sorted by start. */
  anaphors: Span[];
}

const topicEntity = (id: string, label: string): LocalEntity => ({
  id,
  kind: 'topic',
  name: label,
  forms: [],
  keys: [`topic:@${id.slice('topic:'.length)}`],
  roles: [],
  mentions: [],
});

export function extractByRules(article: Article): RuleExtraction {
  const sentences = splitSentences(article.text);
  const found = findMentions(article.text, sentences, article.lang);
  const opts: { outlet?: string; author?: string; article?: string } = { article: article.id };
  if (article.source) opts.outlet = article.source;
  if (article.author) opts.author = article.author;
  const { entities } = resolveLocal(found, opts);
  describedMentions(article.text, entities);
  const x = extractRelations(article.text, sentences, entities, article.lang, article.date);
  const topicEntities = x.topics.map((t) => topicEntity(t.id, t.label));
  const anaphors: Span[] = x.anaphors
    .filter((r) => r.kind === 'person' || r.kind === 'organisation')
    .map((r) => ({ id: r.id, kind: r.kind as Span['kind'], start: r.start, end: r.end }));
  return { sentences, entities: [...entities, ...topicEntities], relations: x.relations, anaphors };
}

export function extractArticle(article: Article, scoring: ScoringMode = scoringMode()): Extraction {
  const { sentences, entities, relations, anaphors } = extractByRules(article);
  const kept =
    scoring.mode === 'rules'
      ? relations
      : scoreRelations(
          article.text,
          article.lang,
          sentences,
          entities,
          relations,
          scoring.model,
          scoring.minConfidence,
          anaphors,
        );
  // a woman's roles in the feminine ("Directrice générale")
  const gendered = genderRoles(womenOf(article.text, sentences, entities, anaphors), entities, kept);
  // an entity is kept when the article names it; a topic when a relation points to it
  const targets = new Set(gendered.relations.map((r) => r.target));
  const all = gendered.entities.filter((e) => e.kind !== 'topic' || targets.has(e.id));
  // topics of commitments that the scorer read and no rule did
  for (const id of targets)
    if (id.startsWith('topic:') && !all.some((e) => e.id === id))
      all.push(topicEntity(id, topicLabel(id, article.lang)));
  return { article: article.id, entities: all, relations: gendered.relations };
}
