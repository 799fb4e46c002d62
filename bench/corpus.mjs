// Corpus generator for the benchmarks: N Markdown articles built from the paragraphs of ../shared/corpus
// (data/articles when it is absent), in a folder the caller owns (a temp dir: never committed).
// Deterministic (seeded), so two runs measure the same text.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Where the paragraphs come from: the shared corpus beside the repository, else the samples. */
export function sourceFolder() {
  const shared = resolve(repoRoot, '..', 'shared', 'corpus');
  return existsSync(shared) ? shared : join(repoRoot, 'data', 'articles');
}

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

/** mulberry32: a small seeded generator. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['L’Essor', 'Maliweb', 'Le Républicain', 'aBamako', 'Journal du Mali', 'Sahel Tech Hebdo', 'Info Sahel Wire', 'Bamada'];

/** The i-th generated article (Markdown with front matter): 3 to 7 distinct paragraphs drawn at random. */
export function article(pool, i, seed = 7) {
  const r = rng(seed * 1_000_003 + i);
  const k = 3 + Math.floor(r() * 5);
  const picked = new Set();
  while (picked.size < Math.min(k, pool.length)) picked.add(Math.floor(r() * pool.length));
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86_400_000).toISOString().slice(0, 10);
  const body = [...picked].map((p) => pool[p]).join('\n\n');
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
