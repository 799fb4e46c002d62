// Shared by the web-ingest suites: the repo root, temporary folders, and the CLI run as a child process
// (asynchronously, so that an HTTP server in the test process keeps answering while it runs) or in this
// process (runCliHere).
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const fixtures = join(repoRoot, 'test', 'fixtures', 'web');
export const bin = join(repoRoot, 'bin', 'kunafoni.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { input?: string | Buffer; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/**
 * The CLI run in this process (the `run` of src/cli/main.ts that bin/kunafoni.js calls), with what a
 * process would print on stdout and stderr (messages escaped as the process escapes them) and its exit
 * code: the same command without a node start and a fresh load of the NLP models for every run. What
 * only a separate process shows (signals, two ingests at once, a lock held by another process, the
 * installed binary, another working folder) stays with runCli.
 */
export async function runCliHere(args: string[], opts: { input?: string | Buffer } = {}): Promise<CliResult> {
  const [{ run }, { streamsIO }] = await Promise.all([import('../../src/cli/main.js'), import('../../src/cli/io.js')]);
  let stdout = '';
  let stderr = '';
  const io = streamsIO(
    (t) => void (stdout += t),
    (t) => void (stderr += t),
  );
  // as runCli: stdin holds the input, or is closed at once
  io.stdin = Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]);
  const code = await run(args, io);
  return { code, signal: null, stdout, stderr };
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kunafoni-web-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Mojibake of UTF-8 read as Latin-1/Windows-1252 ("Ã©", "â€™"), a replacement character, or C1 controls. */
export const BROKEN_TEXT = /[\uFFFD\u0080-\u009F]|Ã[\u0080-\u00BF]|â€/;

const WORDS = (
  'réseau opérateur abonnés antenne fibre câble tarif forfait données mobile internet couverture région ' +
  'commune cercle village marché commerçant banque paiement transfert argent téléphone agence régulateur ' +
  'amende décision contrat accord partenariat investissement milliards francs ministre directeur directrice ' +
  'président conseil société entreprise service qualité coupure panne travaux chantier route électricité ' +
  'énergie solaire batterie pylône site radio capacité débit satellite station serveur données centre ' +
  'formation jeunes étudiants école université emploi technicien ingénieur sécurité escorte gouverneur ' +
  'préfet maire population ménages rural urbain prix baisse hausse hausse concurrence licence fréquence ' +
  'spectre attribution enchère appel offres dossier rapport audit contrôle mesure campagne inspection ' +
  'sanction amende délai conformité recours tribunal cour plainte association consommateurs colère ' +
  'satisfaction annonce communiqué cérémonie lancement inauguration visite tournée réunion rencontre atelier ' +
  'séminaire forum salon conférence projet plan programme stratégie politique numérique digital innovation ' +
  'start-up incubateur application plateforme logiciel code'
).split(' ');

/** A deterministic pseudo-random article: different texts share no 5-word run (no false duplicates). */
export function randomArticle(seed: number, words = 70): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % WORDS.length);
  const body = Array.from({ length: words }, next).map((i) => WORDS[i]);
  const date = `2025-01-${String((seed % 28) + 1).padStart(2, '0')}`;
  const front = `---\ntitle: Dépêche ${seed}\ndate: ${date}\nsource: Agence ${seed % 5}\n---\n`;
  return `${front}Dépêche ${seed}. ${body.join(' ')}.\n`;
}
