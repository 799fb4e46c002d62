// Corpus generator for the benchmarks: N Markdown articles built from the paragraphs of ../shared/corpus
// (data/articles when it is absent), in a folder the caller owns (a temp dir: never committed).
// Deterministic (seeded), so two runs measure the same text.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../dist/graph/random.js';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Where the paragraphs come from: the shared corpus beside the repository, else the samples. */
export function sourceFolder() {
  const shared = resolve(repoRoot, '..', 'shared', 'corpus');
  return existsSync(shared) ? shared : join(repoRoot, 'data', 'articles');
}

/** The gold annotations of that corpus (for the people's names the generator varies). */
function goldFolder() {
  const shared = resolve(repoRoot, '..', 'shared', 'gold');
  return existsSync(join(repoRoot, '..', 'shared', 'corpus'))
    ? shared
    : join(repoRoot, 'test', 'fixtures', 'articles', 'gold');
}

/** People named in the corpus: full name and the shorter forms (surname…) the articles also use. */
export function people(folder = goldFolder()) {
  const out = new Map();
  if (!existsSync(folder)) return [];
  for (const f of readdirSync(folder).filter((x) => x.endsWith('.json'))) {
    let g;
    try {
      g = JSON.parse(readFileSync(join(folder, f), 'utf8'));
    } catch {
      continue;
    }
    for (const e of g.entities ?? [])
      if (e.kind === 'person' && e.name.split(/\s+/).length >= 2) {
        const forms = [e.name, ...(e.aliases ?? [])].flatMap((n) => [n, n.replace(/'/g, '’')]);
        out.set(
          e.name,
          [...new Set(forms)].sort((a, b) => b.length - a.length),
        );
      }
  }
  return [...out.values()];
}

const FIRST = [
  'Amadou',
  'Moussa',
  'Fatoumata',
  'Aminata',
  'Oumar',
  'Ibrahim',
  'Seydou',
  'Mariam',
  'Boubacar',
  'Adama',
  'Kadiatou',
  'Souleymane',
  'Hawa',
  'Modibo',
  'Issa',
  'Awa',
  'Bakary',
  'Djénéba',
  'Mamadou',
  'Salif',
  'Assétou',
  'Cheick',
  'Oumou',
  'Lassana',
  'Rokia',
  'Youssouf',
  'Nana',
  'Sidiki',
  'Bintou',
  'Abdoulaye',
  'Korotoumou',
  'Drissa',
  'Ramata',
  'Tiémoko',
  'Sira',
  'Yacouba',
  'Mahamane',
  'Fanta',
  'Daouda',
  'Safiatou',
];
const LAST = [
  'Traoré',
  'Keïta',
  'Coulibaly',
  'Diarra',
  'Konaté',
  'Sissoko',
  'Touré',
  'Cissé',
  'Diallo',
  'Sangaré',
  'Dembélé',
  'Koné',
  'Maïga',
  'Sidibé',
  'Doumbia',
  'Camara',
  'Kanté',
  'Sow',
  'Bagayoko',
  'Tall',
  'Samaké',
  'Fofana',
  'Kouyaté',
  'Dicko',
  'Guindo',
  'Togola',
  'Berthé',
  'Niaré',
  'Sacko',
  'Ballo',
  'Kéita',
  'Tangara',
  'Sylla',
  'Haïdara',
  'Goïta',
  'Dao',
  'Mariko',
  'Simpara',
  'Bathily',
  'Kassogué',
];

/** The k-th generated person (skewed draws make a few people recur in many articles, as in a real archive). */
const personName = (k) => [FIRST[k % FIRST.length], LAST[Math.floor(k / FIRST.length) % LAST.length]];

/** Prose paragraphs (a line of 80 characters or more, not front matter) of every file of the folder. */
export function paragraphs(folder = sourceFolder()) {
  const out = [];
  const add = (text) => {
    for (const p of String(text).split(/\n/)) {
      const t = p.trim();
      if (t.length >= 80 && !/^[a-z_]+:\s/.test(t)) out.push(t);
    }
  };
  for (const f of readdirSync(folder).sort()) {
    const text = readFileSync(join(folder, f), 'utf8');
    if (f.endsWith('.jsonl')) for (const l of text.split('\n')) l.trim() && add(JSON.parse(l).text ?? '');
    else if (f.endsWith('.json')) {
      const j = JSON.parse(text);
      for (const a of Array.isArray(j) ? j : [j]) add(a.text ?? '');
    } else if (/\.(md|txt)$/.test(f)) add(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
  }
  return [...new Set(out)];
}

let cachedPersons;
const defaultPersons = () => (cachedPersons ??= people());

const OUTLETS = [
  'L’Essor',
  'Maliweb',
  'Le Républicain',
  'aBamako',
  'Journal du Mali',
  'Sahel Tech Hebdo',
  'Info Sahel Wire',
  'Bamada',
];

/**
 * The i-th generated article (Markdown with front matter): 3 to 7 distinct paragraphs drawn at random,
 * and most people of the corpus renamed (one of 1,600 generated names each), so that the graph grows with
 * the archive instead of folding every article onto the same few dozen entities.
 */
export function article(pool, i, seed = 7, persons = defaultPersons()) {
  const r = mulberry32(seed * 1_000_003 + i);
  const k = 3 + Math.floor(r() * 5);
  const picked = new Set();
  while (picked.size < Math.min(k, pool.length)) picked.add(Math.floor(r() * pool.length));
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86_400_000).toISOString().slice(0, 10);
  let body = [...picked].map((p) => pool[p]).join('\n\n');
  for (const forms of persons) {
    if (r() < 0.15 || !forms.some((f) => body.includes(f))) continue; // some keep their real name
    const [first, last] = personName(Math.floor(r() ** 2 * FIRST.length * LAST.length));
    const full = forms[0];
    body = body.split(full).join(`${first} ${last}`);
    for (const f of forms.slice(1))
      if (f.split(/\s+/).length < full.split(/\s+/).length) body = body.split(f).join(last);
  }
  return `---\ntitle: "Dépêche ${i}"\nsource: "${OUTLETS[i % OUTLETS.length]}"\ndate: ${day}\nlang: fr\n---\n${body}\n`;
}

/** Write articles [from, from + n) into `dir`; returns the file paths and the bodies' total characters. */
export function generate(dir, n, { from = 0, pool = paragraphs() } = {}) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  let chars = 0;
  for (let i = from; i < from + n; i++) {
    const text = article(pool, i);
    const f = join(dir, `a${String(i).padStart(6, '0')}.md`);
    writeFileSync(f, text);
    files.push(f);
    chars += text.length;
  }
  return { files, chars };
}
