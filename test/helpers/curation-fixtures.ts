// Fictional articles for the curation suites: two spellings of one director (Bagayoko / Bagayogo) at two
// spellings of one operator (Kora Mobile / KoraMob), a minister, and a person a researcher will delete.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest.js';

export const BATCH1 = [
  {
    title: 'Kora Mobile étend la 4G',
    date: '2024-02-12',
    source: 'Le Témoin',
    text:
      'Le directeur général de Kora Mobile, Seydou Bagayoko, a rencontré lundi à Bamako la ministre de ' +
      'l’Économie numérique, Fanta Coulibaly.\n\n' +
      'Seydou Bagayoko a annoncé que l’opérateur va couvrir 200 nouvelles localités en 4G d’ici la fin de l’année.',
  },
  {
    title: 'KoraMob à Sikasso',
    date: '2024-03-05',
    source: 'Le Veilleur',
    text:
      'Le directeur général de KoraMob, Seydou Bagayogo, a été reçu par la ministre Fanta Coulibaly à ' +
      'Sikasso.\n\nLes deux responsables ont échangé sur la cybersécurité.',
  },
  {
    title: 'Sahel Fibre',
    date: '2024-04-01',
    source: 'Info Sahel',
    text:
      'La ministre Fanta Coulibaly a rencontré Lassana Touré, directeur de Sahel Fibre, à Bamako.\n\nIls ' +
      'ont parlé de la fibre optique.',
  },
];
export const BATCH2 = [
  {
    title: 'Ségou',
    date: '2024-05-10',
    source: 'Le Témoin',
    text:
      'Le directeur général de KoraMob, Seydou Bagayogo, a rencontré Lassana Touré, directeur de Sahel ' +
      'Fibre, à Ségou.\n\nLa rencontre a porté sur le partage des infrastructures.',
  },
  {
    title: 'Sikasso encore',
    date: '2024-06-02',
    source: 'Info Sahel',
    text: 'La ministre Fanta Coulibaly a reçu Seydou Bagayogo, directeur général de KoraMob, à Kayes.',
  },
];

/** Write articles as JSON lines in `dir` and return the file's path. */
export function writeArticles(dir: string, name: string, articles: object[]): string {
  const p = join(dir, name);
  writeFileSync(p, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return p;
}

/** A store holding BATCH1, built by the real pipeline. */
export async function batch1Store(dir: string, name = 'store'): Promise<string> {
  const store = join(dir, name);
  const r = await ingestPaths([writeArticles(dir, `${name}-b1.jsonl`, BATCH1)], { store });
  if (r.failed.length || r.ingested !== BATCH1.length)
    throw new Error(`fixture store: ${r.failed.map((f) => f.message).join('; ')}`);
  return store;
}
