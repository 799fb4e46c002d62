#!/usr/bin/env node
// npm run eval: ingest ../shared/corpus into a temporary store, export JSON, score it with the shared
// scorer. Extra arguments go to the scorer (e.g. --verbose). `--corpus DIR --gold DIR` score other sets;
// `--config rules` scores the rules alone (no model).
//
// npm run eval -- --cv 5 [--config rules|model|both|all]: article-level cross-validation. The corpus's
// articles are dealt into 5 folds (sorted names, the i-th in fold i mod 5); for each fold the relation
// scorer is trained on the gold of the other folds (and our fictional gold sets) and extracts that fold's
// articles into ONE store, so the graph holds every article, each read by a model that never saw it.
// That graph is scored by the shared scorer and printed after the plain (in-sample) line (`--cv-only`: without
// the plain pass, as the corpus test asks only the cross-validated figures). Configurations:
// `rules` (the rules alone: no model), `model` (a model that does not see the rules' ids), `both` (the
// model over the rules' hits and the context), `union` (the rules' relations, plus the candidates no rule
// read that a model trained on those alone scores high enough); `all` prints the four.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const take = (name, dflt, path = true) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return path ? resolve(v) : v;
};
const shared = resolve(root, '..', 'shared');
const corpus = take('--corpus', join(shared, 'corpus'));
const gold = take('--gold', join(shared, 'gold'));
const cv = take('--cv', undefined, false);
const configGiven = args.includes('--config');
const config = take('--config', 'both', false);
// --cv-only: the cross-validated lines alone, without the plain (in-sample) pass before them
const cvOnly = args.includes('--cv-only');
if (cvOnly) args.splice(args.indexOf('--cv-only'), 1);
// the precision the scorer's thresholds are chosen for (on out-of-fold candidates) when training each fold
const precision = take('--precision', undefined, false);
const scorerPath = join(shared, 'tools', 'eval.mjs');
for (const [what, p] of [
  ['corpus', corpus],
  ['gold', gold],
  ['scorer', scorerPath],
])
  if (!existsSync(p)) {
    console.error(`eval: no ${what} at ${p} (the shared data set lives beside the repository, in ../shared)`);
    process.exit(2);
  }
// Without --cv only the shipped configurations exist: the committed model over the rules (both) or the rules
// alone; `model` and `union` are models trained per fold, so they need --cv.
if (configGiven && cv === undefined && !['both', 'rules'].includes(config)) {
  console.error(`eval: --config ${config} trains a model per fold: add --cv <folds> (without --cv: both or rules)`);
  process.exit(2);
}
if (cvOnly && cv === undefined) {
  console.error('eval: --cv-only goes with --cv <folds>');
  process.exit(2);
}
if (cv !== undefined && !(Number.isInteger(Number(cv)) && Number(cv) >= 2)) {
  console.error(`eval: --cv expects a number of folds (2 or more), got "${cv}"`);
  process.exit(2);
}
const CONFIGS = ['rules', 'model', 'both', 'union'];
if (![...CONFIGS, 'all'].includes(config)) {
  console.error(`eval: --config expects ${CONFIGS.join(', ')} or all, got "${config}"`);
  process.exit(2);
}
// the scorer runs its main() only when started under its real path: give it that path, so a ../shared
// reached through a symlink still scores
const scorer = realpathSync(scorerPath);
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('eval: the compiled CLI is missing (dist/): run `npm run build` first');
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'kunafoni-eval-'));

/**
 * Runs the CLI (its main, from dist/, in this process: the NLP models load once for every fold, not once per
 * command) with `env` set as a process of its own would have it; on failure prints its messages and exits
 * with its code.
 */
async function run(argv, env = {}) {
  const [{ run: cliRun }, { streamsIO }, { setScoringMode }] = await Promise.all([
    import(join(root, 'dist', 'cli', 'main.js')),
    import(join(root, 'dist', 'cli', 'io.js')),
    import(join(root, 'dist', 'nlp', 'scorer.js')),
  ]);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  // the scoring mode is read from the environment once per process: read it again for this command
  setScoringMode(undefined);
  let stderr = '';
  try {
    const code = await cliRun(
      argv,
      streamsIO(
        (t) => process.stdout.write(t),
        (t) => (stderr += t),
      ),
    );
    if (code !== 0) {
      process.stderr.write(stderr);
      console.error(`eval: \`kunafoni ${argv[0]}\` failed (exit ${code})`);
      process.exit(code);
    }
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    setScoringMode(undefined);
  }
}

/** Scores a store with the shared scorer; returns its output. A scorer that prints nothing has failed. */
async function score(store, extra, label) {
  const out = join(tmp, `graph-${label}.json`);
  await run(['export', '--format', 'json', '--out', out, '--store', store]);
  const r = spawnSync(process.execPath, [scorer, '--graph', out, '--gold', gold, '--articles', corpus, ...extra], {
    encoding: 'utf8',
  });
  process.stderr.write(r.stderr ?? '');
  if (!r.stdout?.trim()) {
    console.error(`eval: the scorer ${scorer} printed nothing (exit ${r.status}); no score`);
    process.exit(1);
  }
  return { stdout: r.stdout, status: r.status ?? 1 };
}

const lastLine = (s) => s.trim().split('\n').pop();

/** Cross-validated store: fold f's articles ingested with a model trained without them. */
async function crossValidated(k, cfg) {
  const { buildExamples, defaultSets, trainOn, modelJson } = await import('./train.mjs');
  const files = readdirSync(corpus)
    .filter((f) => !f.startsWith('.'))
    .sort();
  const store = join(tmp, `store-cv-${cfg}`);
  const examples =
    cfg === 'rules'
      ? []
      : (
          await buildExamples([['shared', corpus, gold], ...defaultSets({ shared: false })], {
            withoutRules: cfg === 'model' || cfg === 'union',
          })
        ).examples;
  for (let f = 0; f < k; f++) {
    const mine = files.filter((_x, i) => i % k === f);
    if (!mine.length) continue;
    let env = { KUNAFONI_MODEL: 'rules' };
    if (cfg !== 'rules') {
      const exclude = new Set(mine.map((x) => `shared/${x.slice(0, x.length - extname(x).length)}`));
      const model = await trainOn(examples, {
        exclude,
        withoutRules: cfg === 'model',
        keepRules: cfg === 'union',
        precision: precision === undefined ? undefined : Number(precision),
      });
      const file = join(tmp, `model-${cfg}-${f}.json`);
      writeFileSync(file, modelJson(model));
      env = { KUNAFONI_MODEL: file };
    }
    await run(['ingest', ...mine.map((x) => join(corpus, x)), '--store', store, '--workers', '0'], env);
  }
  return store;
}

/** The plain (in-sample) pass: the corpus ingested with the committed model, scored. */
async function plainPass() {
  const plain = join(tmp, 'store');
  // without --cv, --config rules scores the rules alone (the plain pass of --cv always uses the shipped model)
  await run(
    ['ingest', corpus, '--store', plain],
    cv === undefined && config === 'rules' ? { KUNAFONI_MODEL: 'rules' } : {},
  );
  // with --cv, --verbose lists the cross-validated graph's misses and false positives (not the plain one's)
  return score(plain, cv === undefined ? args : args.filter((a) => a !== '--verbose'), 'plain');
}

try {
  if (cv === undefined) {
    const r = await plainPass();
    process.stdout.write(r.stdout);
    process.exitCode = r.status;
  } else {
    if (!cvOnly) {
      const lines = (await plainPass()).stdout.trimEnd().split('\n');
      console.log([...lines.slice(0, -1), `plain (in-sample)               ${lines.pop()}`].join('\n'));
    }
    for (const cfg of config === 'all' ? CONFIGS : [config]) {
      const s = await score(await crossValidated(Number(cv), cfg), args, `cv-${cfg}`);
      if (args.includes('--verbose')) process.stdout.write(s.stdout);
      console.log(`cross-validated (${cv}-fold, ${cfg.padEnd(5)}) ${lastLine(s.stdout)}`);
      process.exitCode = Math.max(process.exitCode ?? 0, s.status);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
