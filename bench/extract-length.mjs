#!/usr/bin/env node
// Extraction time against article length: one article of each shape at 40, 100, 200 and 400 KB
// (BENCH_LENGTHS, in KB), extracted in this process after a warm-up, best of BENCH_REPEAT (default 1).
//   - "sample": a sample article of data/articles repeated (ordinary prose, a few entities)
//   - "dense": one sentence naming two people and an organisation, repeated (every sentence holds
//     mentions and relations: the adversarial shape that made within-article resolution quadratic)
// Prints the time per size and its ratio to the 40 KB one (linear would be 10× at 400 KB), then the
// dense shape at the default cap on one article's length (MAX_ARTICLE_CHARS).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus.mjs';

if (!existsSync(join(repoRoot, 'dist', 'nlp', 'extract.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { extractArticle } = await import('../dist/nlp/extract.js');
const { finaliseArticle } = await import('../dist/sources/article.js');
const { MAX_ARTICLE_CHARS } = await import('../dist/sources/registry.js');

const lengths = (process.env.BENCH_LENGTHS ?? '40,100,200,400')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const sample = readFileSync(
  join(repoRoot, 'data', 'articles', '2021-03-16-echodudjoliba-ministre-recoit-dg-tamani-telecom.md'),
  'utf8',
).replace(/^---[\s\S]*?---\n/, '');
const sentence =
  'Le ministre Moussa Ag Imaghane a reçu Aminata N’Diaye, directrice générale de Tamani Télécom, à Bamako.';
const SHAPES = { sample: sample.trim() + '\n\n', dense: sentence + '\n\n' };

const articleOf = (unit, chars) =>
  finaliseArticle({ text: unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars), lang: 'fr', title: 'bench' });
function time(article) {
  let best = Infinity;
  let relations = 0;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    relations = extractArticle(article).relations.length;
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, relations };
}

extractArticle(articleOf(SHAPES.sample, 20_000)); // warm-up: models, rule tables, JIT
console.log(`| shape | ${lengths.map((k) => `${k} KB`).join(' | ')} | ${lengths.at(-1)} KB / ${lengths[0]} KB |`);
console.log(`|---|${lengths.map(() => '---:').join('|')}|---:|`);
for (const [name, unit] of Object.entries(SHAPES)) {
  const ms = lengths.map((k) => time(articleOf(unit, k * 1024)).ms);
  console.log(
    `| ${name} | ${ms.map((m) => `${(m / 1000).toFixed(2)} s`).join(' | ')} | ${(ms.at(-1) / ms[0]).toFixed(1)}× |`,
  );
}
const capped = time(articleOf(SHAPES.dense, MAX_ARTICLE_CHARS));
console.log(
  `\ndense article at the cap (${MAX_ARTICLE_CHARS.toLocaleString('en')} characters): ` +
    `${(capped.ms / 1000).toFixed(2)} s, ${capped.relations} relations`,
);
