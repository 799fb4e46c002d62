// Fictional press articles for the performance suites (ingest in parallel, incremental graph): sentences
// our extraction understands, over invented people and organisations, so that articles share entities,
// acronyms meet their expansions across articles, and syndicated copies occur.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../src/graph/random.js';

const FIRST = ['Awa', 'Bakary', 'Fanta', 'Issiaka', 'Kadidia', 'Lassine', 'Nènè', 'Oumou', 'Sékou', 'Tiéman'];
const LAST = ['Dembélé', 'Fofana', 'Guindo', 'Kassogué', 'Niaré', 'Samaké', 'Tangara', 'Togola'];
const ORGS = ['Kora Mobile', 'Sahel Fibre', 'Djoliba Networks', 'Niger Data Center'];

/** The i-th fictional article: 3 to 5 sentences, Markdown with front matter. */
export function fictionalArticle(i: number, source = `Gazette ${i % 3}`): string {
  const r = mulberry32(i + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const [p1, p2] = [person(), person()];
  const [o1, o2] = [pick(ORGS), pick(ORGS)];
  const sentences = [
    `Le directeur général de ${o1}, ${p1}, a rencontré mardi à Bamako le ministre de l’Économie numérique, ${p2}.`,
    `${p1}, Directeur général de ${o1}, a annoncé que l’opérateur va couvrir ${10 + i} nouvelles localités ` +
      `en 4G d’ici la fin de l’année.`,
    r() < 0.5
      ? `L’Autorité de régulation des communications numériques (ARCN) a infligé une amende à ${o2} ` +
        `pour la qualité de service.`
      : `L’ARCN a infligé une amende de ${i + 2} millions de francs CFA à ${o2}.`,
    `${o1} et ${o2 === o1 ? pick(ORGS.filter((o) => o !== o1)) : o2} ` +
      `ont signé un accord de partenariat pour le déploiement de la fibre optique.`,
    `Les deux responsables ont également échangé sur la cybersécurité et la protection des données personnelles.`,
  ];
  const body = sentences.filter((_, k) => k < 2 || r() < 0.7).join('\n\n');
  const day = String((i % 28) + 1).padStart(2, '0');
  const date = `2024-0${(i % 9) + 1}-${day}`;
  return `---\ntitle: "Dépêche fictive ${i}"\nsource: "${source}"\ndate: ${date}\nlang: fr\n---\n${body}\n`;
}

/**
 * Write `n` fictional articles (plus a syndicated copy of the first and an exact duplicate of the second)
 * into `dir`.
 */
export function writeFictional(dir: string, n: number, from = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = from; i < from + n; i++) {
    const f = join(dir, `f${String(i).padStart(5, '0')}.md`);
    writeFileSync(f, fictionalArticle(i));
    files.push(f);
  }
  if (n >= 2) {
    const copy = join(dir, `f${String(from).padStart(5, '0')}-copy.md`);
    writeFileSync(copy, fictionalArticle(from, 'Le Reposteur'));
    const dup = join(dir, `f${String(from + 1).padStart(5, '0')}-dup.md`);
    writeFileSync(dup, fictionalArticle(from + 1));
    files.push(copy, dup);
  }
  return files.sort();
}
