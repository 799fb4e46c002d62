// Bad input: each bad file gets one line on stderr naming it and the problem, the rest of the batch is
// ingested, the run ends with a summary and exit code 1, and the store keeps every earlier article.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStore } from '../../src/library/store.js';
import { fixtures, runCliHere } from '../helpers/web-cli.js';

let dir: string;
let store: string;
let earlier: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kunafoni-bad-'));
  store = join(dir, 'store');
  const r = await runCliHere([
    'ingest',
    join(fixtures, 'djoliba-sahel-fibre.html'),
    join(fixtures, 'courrier-economie.rss'),
    join(fixtures, 'sahelweb.atom'),
    '--store',
    store,
  ]);
  expect(r.code, r.stderr).toBe(0);
  earlier = (await loadStore(store, { mustExist: true })).articles.map((a) => a.article.id);
  expect(earlier).toHaveLength(6);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
/** A good article to ingest beside each bad input: the batch must go on. */
async function goodArticle(): Promise<string> {
  const path = join(dir, `bon-${++n}.md`);
  await writeFile(
    path,
    `---\ntitle: Bulletin ${n}\ndate: 2025-05-0${n % 9 || 1}\nsource: Bamako Matin\n---\n` +
      `La société fictive Niger Fibre a annoncé le raccordement du quartier numéro ${n} de Bamako à son réseau, ` +
      'selon un communiqué publié ce jour.\n',
  );
  return path;
}

type Case = [name: string, make: (path: string) => Promise<void>, file: string, expected: RegExp];
const cases: Case[] = [
  ['an empty file', (p) => writeFile(p, ''), 'vide.txt', /: the file is empty$/],
  [
    'a binary file',
    (p) => writeFile(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])),
    'photo.txt',
    /: this is a PNG image, not text \(kunafoni reads/,
  ],
  [
    'truncated JSON',
    (p) => writeFile(p, '{"title": "Coupure à Gao", "text": "Les abonnés de Sahel Connect à Gao sont privés'),
    'coupe.json',
    /: invalid JSON \(.+\)$/,
  ],
  [
    'invalid front matter',
    (p) => writeFile(p, '---\ntitle: [Coupure à Gao\ndate: 2025-03-01\n---\nLe texte.\n'),
    'entete.md',
    /: invalid front matter: /,
  ],
  [
    'front matter never closed',
    (p) => writeFile(p, '---\ntitle: Coupure à Gao\n\nLe texte de l’article.\n'),
    'ouvert.md',
    /: invalid front matter: it opens with "---" but is never closed/,
  ],
  [
    'a file over the size cap',
    async (p) => (await writeFile(p, 'x'), truncate(p, 21 * 1024 * 1024)),
    'enorme.txt',
    /: the file is 21 MB, over the 20 MB cap$/,
  ],
  ['a missing path', async () => undefined, 'absent.md', /: no such file or directory$/],
  [
    'a feed that is not XML',
    (p) => writeFile(p, 'Erreur 503 : service momentanément indisponible'),
    'actu.rss',
    /: not an RSS or Atom feed: the XML is invalid at line 1, column 1/,
  ],
];

describe('kunafoni ingest with bad input', () => {
  it.each(cases)(
    '%s: one clear line, the rest ingested, exit 1, earlier articles kept',
    async (_name, make, file, expected) => {
      const bad = join(dir, file);
      await make(bad);
      const good = await goodArticle();
      const r = await runCliHere(['ingest', bad, good, '--store', store]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      const failures = lines.filter((l) => l.startsWith('kunafoni: '));
      expect(failures).toHaveLength(1);
      expect(failures[0]!.startsWith(`kunafoni: ${bad}: `)).toBe(true);
      expect(failures[0]).toMatch(expected);
      expect(lines.at(-1)).toMatch(/^ingested 1, already stored 0, failed 1 — store /);
      const ids = (await loadStore(store, { mustExist: true })).articles.map((a) => a.article.id);
      for (const id of earlier) expect(ids).toContain(id);
      expect(ids).toHaveLength(earlier.length + n);
    },
  );

  it('a bad line in a JSON-lines file fails alone; the other lines are ingested', async () => {
    const path = join(dir, 'lot.jsonl');
    await writeFile(
      path,
      [
        JSON.stringify({
          title: 'A',
          source: 'Sahelweb',
          text: 'Djoliba Télécom a ouvert une agence à Koulikoro, a annoncé sa direction commerciale mardi.',
        }),
        '{"title": "B", "text": "tronqu',
        JSON.stringify({
          title: 'C',
          source: 'Sahelweb',
          text:
            'Sahel Connect a recruté quarante techniciens pour la région de Ségou, selon son service des ' +
            'ressources humaines.',
        }),
      ].join('\n') + '\n',
    );
    const before = (await loadStore(store, { mustExist: true })).articles.length;
    const r = await runCliHere(['ingest', path, '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^kunafoni: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid JSON line`, 'm'),
    );
    expect(r.stderr).toMatch(/^ingested 2, already stored 0, failed 1/m);
    expect((await loadStore(store, { mustExist: true })).articles).toHaveLength(before + 2);
  });

  it('a batch where everything is already there is not an error', async () => {
    const r = await runCliHere(['ingest', join(fixtures, 'djoliba-sahel-fibre.html'), '--store', store]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ingested 0, already stored 1, failed 0/m);
  });
});
