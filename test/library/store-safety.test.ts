// Never lose the store: SIGKILL in the middle of an ingest, two ingests at once, a held lock (each a process
// of its own, as a user runs them), and stores that are corrupt or from a newer version (refused, never
// overwritten: the CLI's main run in this process).
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStore, withStoreLock } from '../../src/library/store.js';
import { bin, fixtures, randomArticle, repoRoot, runCli, runCliHere, withTempDir } from '../helpers/web-cli.js';

async function writeBatch(dir: string, from: number, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    Array.from({ length: count }, (_, i) => writeFile(join(dir, `d${from + i}.md`), randomArticle(from + i))),
  );
}

const stamp = async (path: string) => {
  const s = await stat(path).catch(() => undefined);
  return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : 'none';
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an ingest killed with SIGKILL', () => {
  it(
    'leaves the last complete store loadable, with every earlier article; the next ingest takes over its lock',
    { timeout: 180_000 },
    async () => {
      await withTempDir(async (dir) => {
        const store = join(dir, 'store');
        const base = await runCliHere([
          'ingest',
          join(fixtures, 'djoliba-sahel-fibre.html'),
          join(fixtures, 'sahelweb.atom'),
          '--store',
          store,
        ]);
        expect(base.code, base.stderr).toBe(0);
        const earlier = (await loadStore(store, { mustExist: true })).articles.map((a) => a.article.id);
        expect(earlier).toHaveLength(3);
        const batch = join(dir, 'batch');
        // big enough that the ingest is still running when killed (its first checkpoint comes after 10, the
        // kill as soon as that checkpoint is seen), small enough that the resume is short
        const N = 80;
        await writeBatch(batch, 1, N);

        const articlesFile = join(store, 'articles.jsonl');
        const before = await stamp(articlesFile);
        const child = spawn(process.execPath, [bin, 'ingest', batch, '--store', store, '--checkpoint', '10'], {
          cwd: repoRoot,
          stdio: 'ignore',
        });
        const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
        // wait for the first checkpoint, then kill it at once while it keeps reading and writing (waiting
        // longer let a starved test process see the whole batch done on a loaded machine)
        const t0 = Date.now();
        while ((await stamp(articlesFile)) === before && Date.now() - t0 < 30_000) await sleep(10);
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');

        const after = await loadStore(store, { mustExist: true });
        const ids = after.articles.map((a) => a.article.id);
        for (const id of earlier) expect(ids).toContain(id);
        expect(ids.length).toBeGreaterThan(earlier.length); // its checkpoints were kept…
        expect(ids.length).toBeLessThan(earlier.length + N); // …and it was killed mid-way
        expect(new Set(ids).size).toBe(ids.length);
        expect(after.graph.getAttribute('articles')).toBe(ids.length); // a stale graph.json is rebuilt, not trusted

        // the lock it left behind names a dead process: the next ingest takes it over instead of waiting for it
        // to go stale (30 s), which would exceed its --lock-wait of 10 s and fail; so success shows the takeover.
        // Ingest speed is measured by `npm run bench` (bench/ingest.mjs); no duration is asserted here.
        const resume = await runCliHere(['ingest', batch, '--store', store, '--lock-wait', '10']);
        expect(resume.code, resume.stderr).toBe(0);
        expect(await readdir(store)).not.toContain('.lock'); // and released it
        const final = await loadStore(store, { mustExist: true });
        expect(final.articles).toHaveLength(earlier.length + N);
        expect((await readdir(store)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      });
    },
  );

  it('killed again and again while it saves after every article, the store always loads whole', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      const batch = join(dir, 'batch');
      await writeBatch(batch, 5000, 200);
      let kept = 0;
      for (const delay of [60, 180, 320, 470]) {
        const child = spawn(
          process.execPath,
          [bin, 'ingest', batch, '--store', store, '--checkpoint', '1', '--lock-wait', '10'],
          { cwd: repoRoot, stdio: 'ignore' },
        );
        const exited = new Promise<void>((r) => child.on('exit', () => r()));
        const articlesFile = join(store, 'articles.jsonl');
        // kill only once this run has saved something new (a changed file alone may be a rewrite of the same articles)
        const t0 = Date.now();
        while ((await savedCount(articlesFile)) <= kept && Date.now() - t0 < 60_000) await sleep(5);
        await sleep(delay);
        child.kill('SIGKILL');
        await exited;
        const { articles } = await loadStore(store, { mustExist: true });
        expect(articles.length).toBeGreaterThan(kept); // nothing saved before is lost, and it got further
        expect(articles.every((a) => typeof a.article.text === 'string' && a.extraction.article === a.article.id)).toBe(
          true,
        );
        kept = articles.length;
      }
      expect(kept).toBeLessThan(200);
    });
  });
});

/** Complete lines in articles.jsonl (a line being written has no newline yet). */
async function savedCount(file: string): Promise<number> {
  try {
    return (await readFile(file, 'utf8')).split('\n').length - 1;
  } catch {
    return 0;
  }
}

describe('two ingests at once into one store', () => {
  it('both finish and the store holds both batches', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      // enough checkpoints each (every 5 of 40) that the two interleave on the lock
      const N = 40;
      await writeBatch(join(dir, 'a'), 10_000, N);
      await writeBatch(join(dir, 'b'), 20_000, N);
      const [a, b] = await Promise.all([
        runCli(['ingest', join(dir, 'a'), '--store', store, '--checkpoint', '5']),
        runCli(['ingest', join(dir, 'b'), '--store', store, '--checkpoint', '5']),
      ]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(a.stderr).toMatch(new RegExp(`^ingested ${N}, already stored 0, failed 0`, 'm'));
      expect(b.stderr).toMatch(new RegExp(`^ingested ${N}, already stored 0, failed 0`, 'm'));
      const { articles, graph } = await loadStore(store, { mustExist: true });
      const titles = new Set(articles.map((r) => r.article.title));
      expect(titles.size).toBe(2 * N);
      for (let i = 0; i < N; i++) {
        expect(titles).toContain(`Dépêche ${10_000 + i}`);
        expect(titles).toContain(`Dépêche ${20_000 + i}`);
      }
      expect(graph.getAttribute('articles')).toBe(2 * N);
    });
  });

  it('a second ingest that cannot wait fails with a message naming the holder, and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      const seed = await runCliHere(['ingest', join(fixtures, 'sahelweb.atom'), '--store', store]);
      expect(seed.code).toBe(0);
      const articlesBefore = await readFile(join(store, 'articles.jsonl'));
      const r = await withStoreLock(store, () =>
        runCli(['ingest', join(fixtures, 'djoliba-sahel-fibre.html'), '--store', store, '--lock-wait', '0']),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `^kunafoni: store .*: process ${process.pid} on .+, since .+ ` +
            'is writing to this store; try again when it is done$',
          'm',
        ),
      );
      expect(await readFile(join(store, 'articles.jsonl'))).toEqual(articlesBefore);
    });
  });

  it('a second ingest waits for the first, says so, then adds its articles', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      let release!: () => void;
      const held = withStoreLock(store, () => new Promise<void>((r) => (release = r)));
      const child = spawn(
        process.execPath,
        [bin, 'ingest', join(fixtures, 'djoliba-sahel-fibre.html'), '--store', store, '--lock-wait', '30'],
        {
          cwd: repoRoot,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      const done = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
      // release the lock once the second process says it is waiting for it
      await new Promise<void>((r, reject) => {
        const timer = setTimeout(() => reject(new Error(`never said it was waiting: ${stderr}`)), 30_000);
        child.stderr!.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
          if (!/is being written by process \d+; waiting up to 30 s/.test(stderr)) return;
          clearTimeout(timer);
          r();
        });
      });
      expect((await loadStore(store)).articles).toHaveLength(0); // it waited: nothing written yet
      release();
      await held;
      expect(await done, stderr).toBe(0);
      expect(stderr).toMatch(/^ingested 1, already stored 0, failed 0/m);
      expect((await loadStore(store, { mustExist: true })).articles).toHaveLength(1);
    });
  });
});

describe('a store that cannot be trusted is refused, never overwritten', () => {
  // one store ingested from the feed, copied for each case to damage
  let seeded = '';
  beforeAll(async () => {
    seeded = join(await mkdtemp(join(tmpdir(), 'kunafoni-web-')), 'store');
    const seed = await runCliHere(['ingest', join(fixtures, 'courrier-economie.rss'), '--store', seeded]);
    expect(seed.code, seed.stderr).toBe(0);
  });
  afterAll(() => rm(join(seeded, '..'), { recursive: true, force: true }));
  const cases: Array<[string, (store: string) => Promise<void>, RegExp]> = [
    [
      'corrupt meta.json',
      (s) => writeFile(join(s, 'meta.json'), '{"format": "kunafoni-st'),
      /meta\.json is corrupt \(.+\); refusing to overwrite the store$/,
    ],
    [
      'a store from a newer version',
      (s) => writeFile(join(s, 'meta.json'), JSON.stringify({ format: 'kunafoni-store', version: 99 })),
      new RegExp(
        'the store was written by a newer kunafoni \\(format 99, this one reads up to 1\\); ' +
          'upgrade kunafoni — the store is left untouched$',
      ),
    ],
    [
      'a truncated articles.jsonl',
      async (s) => {
        const text = await readFile(join(s, 'articles.jsonl'), 'utf8');
        await writeFile(join(s, 'articles.jsonl'), text.slice(0, text.length - 40));
      },
      /articles\.jsonl line 3 is corrupt \(.+\); refusing to overwrite the store$/,
    ],
    [
      'articles without meta.json',
      async (s) =>
        writeFile(join(s, 'meta.json.bak'), await readFile(join(s, 'meta.json'))).then(() =>
          import('node:fs/promises').then((fs) => fs.rm(join(s, 'meta.json'))),
        ),
      /meta\.json is missing: this does not look like a kunafoni store; refusing to touch it$/,
    ],
  ];
  it.each(cases)('%s', async (_name, damage, expected) => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      await cp(seeded, store, { recursive: true });
      await damage(store);
      const snapshot = async () =>
        Object.fromEntries(
          await Promise.all((await readdir(store)).map(async (f) => [f, await readFile(join(store, f))])),
        );
      const before = await snapshot();
      const r = await runCliHere(['ingest', join(fixtures, 'djoliba-sahel-fibre.html'), '--store', store]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(new RegExp(`^kunafoni: store ${store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(r.stderr.trim()).toMatch(expected);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('a store path that is a file', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'not-a-folder');
      await writeFile(file, 'hello');
      const r = await runCliHere(['ingest', join(fixtures, 'sahelweb.atom'), '--store', file]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`kunafoni: store ${file}: this path is a file, not a store folder`);
      expect(await readFile(file, 'utf8')).toBe('hello');
    });
  });
});
