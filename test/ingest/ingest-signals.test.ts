// Ctrl-C (SIGINT) or SIGTERM during a long ingest stops it at once: exit 130/143 with a message, the
// store keeps exactly what its checkpoints saved (it loads, its lock is gone), nothing after is written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStore } from '../../src/library/store.js';
import { tempDir } from '../helpers/common.js';
import { bin, repoRoot } from '../helpers/web-cli.js';

/** Long articles dense with names (each takes about a second to extract), none a copy of another. */
function writeLongArticles(dir: string, n: number): string[] {
  const names = [
    'Moussa Ag Imaghane',
    'Aminata Diallo',
    'Oumar Traoré',
    'Fatoumata Keïta',
    'Bakary Coulibaly',
    'Awa Sangaré',
    'Issa Koné',
    'Mariam Touré',
    'Seydou Cissé',
    'Kadiatou Maïga',
    'Adama Dembélé',
    'Rokia Doumbia',
  ];
  return Array.from({ length: n }, (_, i) => {
    const a = names[i % names.length]!;
    const b = names[(i * 5 + 3) % names.length]!;
    const sentence =
      `Le ministre ${a} a reçu ${b}, directeur général de Kora${i} Télécom, ` + `à Ségou le ${i + 1} mars.\n\n`;
    const path = join(dir, `long-${String(i).padStart(2, '0')}.txt`);
    writeFileSync(path, sentence.repeat(Math.floor(120_000 / sentence.length)));
    return path;
  });
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

describe('interrupting an ingest', () => {
  const { dir, cleanup } = tempDir('kunafoni-signals-');
  afterAll(cleanup);
  const files = writeLongArticles(dir, 10);

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s stops it after the first checkpoint with exit %i; the store keeps what was saved',
    async (signal, code) => {
      const store = join(dir, `store-${signal}`);
      const child = spawn(
        process.execPath,
        [bin, 'ingest', ...files, '--store', store, '--checkpoint', '1', '--workers', '0'],
        { cwd: repoRoot },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<{ code: number | null; at: number }>((ok) =>
        child.on('close', (c) => ok({ code: c, at: Date.now() })),
      );
      const articles = join(store, 'articles.jsonl');
      for (let i = 0; i < 1200 && lines(articles) < 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(lines(articles), stderr).toBeGreaterThanOrEqual(1);
      const sent = Date.now();
      child.kill(signal);
      const r = await exited;
      console.log(`${signal}: stopped ${r.at - sent} ms after the signal`);
      expect(r.code, stderr).toBe(code);
      expect(stderr).toMatch(new RegExp(`kunafoni: interrupted \\(${signal}\\); store .* keeps what was saved before`));
      expect(stderr).not.toMatch(/^ingested /m);
      const saved = await loadStore(store, { mustExist: true });
      expect(saved.articles.length).toBeGreaterThanOrEqual(1);
      expect(saved.articles.length).toBeLessThan(files.length);
      expect(existsSync(join(store, '.lock'))).toBe(false);
      expect(existsSync(join(store, '.lock-owner.json'))).toBe(false);
    },
  );
});
