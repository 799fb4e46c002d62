#!/usr/bin/env node
// `npm run build`: the CLI (tsc → dist/) and the viewer (vite → web/dist), each only when what it is built
// from changed since its last build here, and the two at once when both must be built (neither reads the
// other's output). What they are built from is compared by content (a SHA-256 of every input file, kept in
// node_modules/.cache/kunafoni-build.json), so a fresh clone whose `npm install` already built (prepare)
// does not build again in `npm test`. `npm run build -- --force` builds both whatever the record says.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const record = join(root, 'node_modules', '.cache', 'kunafoni-build.json');
const shared = ['tsconfig.json', 'package.json', 'package-lock.json'];

/** Each output: what it is built from, the files that must exist after, and the command that builds it. */
const TARGETS = {
  cli: {
    inputs: ['src', 'tsconfig.build.json', ...shared],
    outputs: ['dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts'],
    command: [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  },
  web: {
    // the viewer imports modules of src/ (the GEXF writer, metrics, types)
    inputs: ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'src', ...shared],
    outputs: ['web/dist/index.html'],
    command: [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--configLoader',
      'runner',
      '--logLevel',
      'warn',
    ],
  },
};

/** Every file under a path (itself when it is a file), sorted; none when absent. */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A digest of the inputs' names and contents. */
function digest(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((p) => filesUnder(join(root, p)))) {
    hash.update(relative(root, file).replaceAll('\\', '/') + '\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readRecord() {
  try {
    return JSON.parse(readFileSync(record, 'utf8'));
  } catch {
    return {};
  }
}

/** Run `node <command>` in the repository; resolves with its exit code. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command, { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      process.stderr.write(`build: cannot start ${command[0]}: ${err.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const force = process.argv.includes('--force');
const done = readRecord();
const wanted = Object.entries(TARGETS).map(([name, t]) => ({ name, ...t, digest: digest(t.inputs) }));
const stale = wanted.filter(
  (t) => force || done[t.name] !== t.digest || !t.outputs.every((p) => existsSync(join(root, p))),
);
for (const t of wanted.filter((w) => !stale.includes(w)))
  process.stderr.write(`build: ${t.outputs[0].split('/')[0]}/ is up to date (npm run build -- --force rebuilds it)\n`);
const codes = await Promise.all(stale.map((t) => run(t.command)));
const built = stale.filter((_t, i) => codes[i] === 0);
if (built.length) {
  mkdirSync(dirname(record), { recursive: true });
  const next = { ...readRecord() };
  for (const t of built) next[t.name] = t.digest;
  writeFileSync(record, JSON.stringify(next, null, 2) + '\n');
}
process.exit(codes.find((c) => c !== 0) ?? 0);
