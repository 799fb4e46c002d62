#!/usr/bin/env node
// npm run train: fit the relation scorer (src/nlp/training.ts) on the gold sets and write
// data/models/relations.json. Same inputs, same bytes: examples are taken in a fixed order (set, file,
// article, candidate) and the weights are rounded.
//
//   node scripts/train.mjs [--out FILE] [--without-rules | --keep-rules]
//                          [--set NAME=ARTICLES:GOLD ...] [--only-fictional]
//
// The sets: ../shared (corpus, gold) when present, and our fictional sets (data/articles with
// test/fixtures/articles/gold, test/fixtures/blind*/{articles,gold}). Uses the compiled code in dist/.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = (p) => import(join(root, 'dist', p));

/** The gold sets we train from: [name, articles folder, gold folder]. */
export function defaultSets({ shared = true, fictional = true } = {}) {
  const sets = [];
  const s = resolve(root, '..', 'shared');
  if (shared && existsSync(join(s, 'corpus')) && existsSync(join(s, 'gold')))
    sets.push(['shared', join(s, 'corpus'), join(s, 'gold')]);
  if (fictional) {
    sets.push(['samples', join(root, 'data', 'articles'), join(root, 'test', 'fixtures', 'articles', 'gold')]);
    for (const b of ['blind', 'blind2', 'blind3']) {
      const d = join(root, 'test', 'fixtures', b);
      if (existsSync(join(d, 'gold'))) sets.push([b, join(d, 'articles'), join(d, 'gold')]);
    }
  }
  return sets;
}

/**
 * Labelled examples of every gold file of the sets, in a fixed order. Each example's `group` is
 * `set/name` (name: the gold file without .json), the unit of cross-validation folds.
 */
export async function buildExamples(sets, { withoutRules = false } = {}) {
  const { readFileSource } = await dist('sources/registry.js');
  const { extractByRules } = await dist('nlp/extract.js');
  const { goldIndex, examplesOf } = await dist('nlp/training.js');
  const examples = [];
  const problems = [];
  for (const [name, articles, goldDir] of sets) {
    const goldFiles = readdirSync(goldDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const golds = goldFiles.map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')));
    const index = goldIndex(golds);
    const files = readdirSync(articles).sort();
    for (const [i, f] of goldFiles.entries()) {
      const stem = f.slice(0, -'.json'.length);
      const file = files.find((a) => a.slice(0, a.length - extname(a).length) === stem);
      if (!file) {
        problems.push(`${join(goldDir, f)}: no article ${stem}.* in ${articles}`);
        continue;
      }
      for (const a of await readFileSource(join(articles, file))) {
        if (!a.text) {
          problems.push(`${join(articles, file)}: ${a.problem ?? 'unreadable'}`);
          continue;
        }
        examples.push(...examplesOf(a, extractByRules(a), golds[i], index, `${name}/${stem}`, withoutRules));
      }
    }
  }
  return { examples, problems };
}

/** Trains on the examples whose group is not excluded; returns the model. */
export async function trainOn(
  examples,
  { exclude = new Set(), withoutRules = false, keepRules = false, precision, about = {} } = {},
) {
  const { trainModel, DEFAULT_MODEL } = await dist('nlp/training.js');
  const o = { ...DEFAULT_MODEL, withoutRules, keepRules, ...(precision ? { precision } : {}) };
  return trainModel(
    examples.filter((e) => !exclude.has(e.group)),
    o,
    about,
  );
}

export const modelJson = (model) => JSON.stringify(model, null, 1) + '\n';

async function main(argv) {
  const take = (flag) => {
    const i = argv.indexOf(flag);
    return i < 0 ? undefined : argv.splice(i, 2)[1];
  };
  const out = resolve(take('--out') ?? join(root, 'data', 'models', 'relations.json'));
  const withoutRules = argv.includes('--without-rules');
  const keepRules = argv.includes('--keep-rules');
  const sets = argv.includes('--only-fictional') ? defaultSets({ shared: false }) : defaultSets();
  const { examples, problems } = await buildExamples(sets, { withoutRules });
  for (const p of problems) console.error(`train: ${p}`);
  const model = await trainOn(examples, { withoutRules, keepRules, about: { sets: sets.map(([n]) => n) } });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, modelJson(model));
  const a = model.about;
  console.error(
    `train: ${a.examples} candidates (${a.positives} positive) from ${a.groups} gold files of ` +
      `${sets.map(([n]) => n).join(', ')}; threshold ${model.threshold} (out-of-fold precision ` +
      `${a.outOfFold.precision}, recall ${a.outOfFold.recall}); wrote ${out}`,
  );
}

if (
  process.argv[1] &&
  basename(process.argv[1]) === 'train.mjs' &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`train: ${err.message}`);
    process.exit(1);
  });
}
