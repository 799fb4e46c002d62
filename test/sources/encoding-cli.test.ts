// Windows-1252 files through the whole pipeline: the articles keep their accents, and so do the labels
// of whatever entities extraction finds in them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStore } from '../../src/library/store.js';
import { BROKEN_TEXT, fixtures, runCliHere, withTempDir } from '../helpers/web-cli.js';

describe('kunafoni ingest of Windows-1252 files', () => {
  it('keeps "Économie", "Maïga" and "N’Diaye" intact in the articles and in entity labels', async () => {
    await withTempDir(async (dir) => {
      const r = await runCliHere([
        'ingest',
        join(fixtures, 'amende-amanu-cp1252.html'),
        join(fixtures, 'coupure-kidal-cp1252.txt'),
        '--store',
        dir,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const { articles, graph } = await loadStore(dir, { mustExist: true });
      expect(articles).toHaveLength(2);
      const page = articles.find((a) => a.article.origin?.endsWith('.html'))!.article;
      const text = articles.find((a) => a.article.origin?.endsWith('.txt'))!.article;
      expect(page.title).toBe('Économie numérique : l’AMANU inflige une amende de 2 milliards à Djoliba Télécom');
      expect(text.title).toBe('Kidal : le réseau de Djoliba Télécom coupé depuis une semaine');
      for (const a of [page, text]) {
        expect(a.text).toContain('Mme Aminata Maïga');
        expect(a.text).toContain('N’Diaye');
        expect(a.text).not.toMatch(BROKEN_TEXT);
      }
      expect(text.text).toContain('L’Économie locale');

      // entity labels: checked on whatever extraction produced (none until the extraction rules land)
      const names = graph
        .filterNodes((_k, n) => n.kind === 'person' || n.kind === 'organisation')
        .flatMap((k) => [graph.getNodeAttribute(k, 'label'), ...graph.getNodeAttribute(k, 'aliases')]);
      for (const name of names) {
        expect(name).not.toMatch(BROKEN_TEXT);
        if (/\bma.{1,3}ga\b/i.test(name)) expect(name).toMatch(/Maïga/);
        if (/\bn.{1,3}diaye\b/i.test(name)) expect(name).toMatch(/N[’']Diaye/);
        if (/k.{1,3}ta\b/i.test(name) && /ibrahima/i.test(name)) expect(name).toMatch(/Kéïta/);
      }
    });
  });
});
