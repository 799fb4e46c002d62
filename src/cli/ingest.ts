import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { UsageError } from '../errors.js';
import type { IngestOptions, IngestSummary } from '../ingest.js';
import { MAX_ARTICLE_CHARS, MAX_FILE_BYTES } from '../sources/registry.js';
import { DEFAULT_FETCH, formatBytes } from '../sources/url.js';
import { DEFAULT_STORE } from '../library/store.js';
import { curationOf } from '../library/curation-file.js';
import { escapeControl, type CliIO } from './io.js';

/** "20MB", "512 kB", "1.5M", "300000" → bytes. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`--max-size: "${value}" is not a size (examples: 20MB, 500kB, 1048576)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * factor);
  if (n < 1) throw new UsageError(`--max-size: "${value}" must be at least 1 byte`);
  return n;
}

const positive =
  (name: string, min = 0) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new UsageError(`${name}: "${value}" is not a number ≥ ${min}`);
    return n;
  };

/**
 * Ctrl-C (SIGINT) or SIGTERM stops an ingest at once: what was saved at the last checkpoint stays (every
 * write is atomic), the lock is released on exit, nothing after it is written. Extraction returns to the
 * event loop between articles, so this runs within a second or two. Returns the function that uninstalls it.
 */
function stopOnSignal(io: CliIO, store: string, beforeMessage: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    beforeMessage();
    io.err(
      `kunafoni: interrupted (${signal}); store ${store} keeps what was saved before (the last checkpoint), ` +
        'nothing after it\n',
    );
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** The curation decisions that no longer apply, on one line of reasonable length (the first few, then a count). */
export function staleLine(stale: ReadonlyArray<{ id: string; message: string }>, shown = 5, maxChars = 200): string {
  const clip = (t: string) => (t.length > maxChars ? `${t.slice(0, maxChars)}…` : t);
  const listed = stale.slice(0, shown).map((s) => `${clip(s.id)} (${clip(s.message)})`);
  const more = stale.length > shown ? `; and ${stale.length - shown} more` : '';
  return (
    `kunafoni: ${stale.length} curation decision(s) no longer apply: ${escapeControl(listed.join('; '))}${more}; ` +
    'see `kunafoni curate list --stale`\n'
  );
}

interface IngestCliOptions {
  store: string;
  follow?: boolean;
  allowPrivate?: boolean;
  timeout: number;
  maxSize?: number;
  maxRedirects: number;
  userAgent: string;
  delay: number;
  lockWait: number;
  checkpoint: number;
  workers?: number;
  maxArticleLength: number;
  minConfidence?: number;
}

/** A probability between 0 and 1, or a usage error naming the flag. */
const probability =
  (flag: string) =>
  (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !(n >= 0 && n <= 1)) throw new UsageError(`${flag}: "${v}" is not a number between 0 and 1`);
    return n;
  };

export const ingestCommand = (io: CliIO, setExit: (code: number) => void) =>
  new Command('ingest')
    .description(INGEST_DESCRIPTION)
    .argument(
      '<inputs...>',
      'files (.txt .md .json .jsonl .html .htm .rss .atom .xml), folders, http(s) URLs, or - for stdin',
    )
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .option('--follow', 'for each feed item, fetch the linked page and ingest its full text')
    .option(
      '--allow-private',
      'with --follow, also fetch item links to this machine or private networks (refused by default)',
    )
    .addOption(
      new Option('--timeout <seconds>', 'give up on a URL after this long')
        .argParser(positive('--timeout', 0.001))
        .default(DEFAULT_FETCH.timeoutMs / 1000),
    )
    .addOption(
      new Option(
        '--max-size <size>',
        `largest file, response or stdin read (default ${formatBytes(MAX_FILE_BYTES)})`,
      ).argParser(parseSize),
    )
    .addOption(
      new Option('--max-redirects <n>', 'redirects followed per URL')
        .argParser(positive('--max-redirects'))
        .default(DEFAULT_FETCH.maxRedirects),
    )
    .option('--user-agent <text>', 'User-Agent sent with requests', DEFAULT_FETCH.userAgent)
    .addOption(
      new Option('--delay <ms>', 'pause between two requests to the same host')
        .argParser(positive('--delay'))
        .default(DEFAULT_FETCH.delayMs),
    )
    .addOption(
      new Option('--lock-wait <seconds>', 'wait this long for another ingest writing the same store')
        .argParser(positive('--lock-wait'))
        .default(60),
    )
    .addOption(
      new Option('--checkpoint <n>', 'save the store every n new articles')
        .argParser(positive('--checkpoint', 1))
        .default(200),
    )
    .addOption(
      new Option(
        '--max-article-length <chars>',
        'longest article text extracted, in characters; longer articles are refused with a message',
      )
        .argParser(positive('--max-article-length', 1))
        .default(MAX_ARTICLE_CHARS),
    )
    .addOption(
      new Option(
        '--min-confidence <x>',
        'keep the relations the scorer gives at least this probability ' +
          '(default: its threshold, chosen for precision 0.85 cross-validated)',
      ).argParser(probability('--min-confidence')),
    )
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads reading and extracting ' +
          '(0: none; default: one per core from 1,000 files on 2 cores, from 64 with more)',
      ).argParser(positive('--workers')),
    )
    .addHelpText('after', INGEST_HELP)
    .action((inputs: string[], opts: IngestCliOptions) => runIngest(io, setExit, inputs, opts));

/** The description of `kunafoni ingest` (main.ts repeats it for the top-level help, without loading this module). */
const INGEST_DESCRIPTION =
  'add articles to the store (files, folders walked recursively, URLs of pages or feeds, "-" for stdin); ' +
  'prints a summary';

const INGEST_HELP =
  `
Examples:
  kunafoni ingest data/articles
  kunafoni ingest article.md saved-page.html feed.jsonl --store research/store
  kunafoni ingest https://example.org/actualite/article.html
  kunafoni ingest https://example.org/rss.xml --follow
  curl -s https://example.org/page.html | kunafoni ingest -

Encodings: UTF-8 (with or without BOM), UTF-16 and Windows-1252/ISO-8859-1 are detected; a <meta charset>
or an HTTP charset is honoured unless the bytes contradict it.
Duplicates: the same story from several outlets is stored once, with the other outlets as syndicated copies.
` +
  'Prints each failed input on its own line on stderr, then "ingested N, already stored N, failed N" ' +
  `(already stored: the same story
was in the store or earlier in the batch; copies from another outlet are counted as syndicated).
Exit code 1 when any input failed (the others are still ingested), 0 otherwise.`;

async function runIngest(io: CliIO, setExit: (code: number) => void, inputs: string[], opts: IngestCliOptions) {
  // extraction reads it once per thread (the worker threads inherit the environment): set it before any
  if (opts.minConfidence !== undefined) process.env.KUNAFONI_MIN_CONFIDENCE = String(opts.minConfidence);
  // the NLP models load here, not when the CLI starts (help and other commands stay fast)
  const { ingestPaths } = await import('../ingest.js');
  const progress = progressDisplay(io);
  const options = ingestOptions(io, opts, progress.update);
  let summary;
  const stop = stopOnSignal(io, opts.store, progress.stop);
  try {
    summary = await ingestPaths(inputs, options);
  } finally {
    stop();
    progress.stop();
  }
  printSummary(io, opts.store, summary);
  if (summary.failed.length) setExit(1);
}

/** A progress bar on a terminal (none otherwise), shown from the first report of two sources or more. */
function progressDisplay(io: CliIO) {
  const bar = io.isTTY
    ? new SingleBar({
        format: 'reading {bar} {value}/{total} {origin}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      })
    : undefined;
  let started = false;
  const update: NonNullable<IngestOptions['onProgress']> = ({ done, total, origin }) => {
    if (!bar || total < 2) return;
    if (!started) {
      bar.start(total, 0, { origin: '' });
      started = true;
    }
    bar.setTotal(total);
    const shown = escapeControl(origin);
    bar.update(done, { origin: shown.length > 40 ? '…' + shown.slice(-39) : shown });
  };
  const stop = () => {
    if (started) bar?.stop();
  };
  return { update, stop };
}

function ingestOptions(
  io: CliIO,
  opts: IngestCliOptions,
  onProgress: NonNullable<IngestOptions['onProgress']>,
): IngestOptions {
  const options: IngestOptions = {
    store: opts.store,
    fetch: {
      timeoutMs: Math.round(opts.timeout * 1000),
      maxRedirects: opts.maxRedirects,
      userAgent: opts.userAgent,
      delayMs: opts.delay,
      maxBytes: opts.maxSize ?? MAX_FILE_BYTES,
    },
    lockWaitMs: Math.round(opts.lockWait * 1000),
    checkpointEvery: opts.checkpoint,
    onWarning: (message) => io.err(`kunafoni: warning: ${escapeControl(message)}\n`),
    maxArticleChars: Math.floor(opts.maxArticleLength),
    onLockWait: lockWaitNotice(io, opts),
    onProgress,
    // a small ingest into a large store does not fold the whole graph just to count it
    deferGraph: true,
  };
  if (opts.follow) options.follow = true;
  if (opts.allowPrivate) options.allowPrivate = true;
  if (opts.workers !== undefined) options.workers = Math.floor(opts.workers);
  if (opts.maxSize !== undefined) options.maxBytes = opts.maxSize;
  if (io.stdin) options.stdin = io.stdin;
  return options;
}

/** Says once per run that another process holds the lock (each checkpoint takes it again and may wait). */
function lockWaitNotice(io: CliIO, opts: IngestCliOptions): NonNullable<IngestOptions['onLockWait']> {
  let said = false;
  return (owner) => {
    if (said) return;
    said = true;
    const holder = owner ? `process ${owner.pid}` : 'another process';
    io.err(`kunafoni: store ${opts.store} is being written by ${holder}; waiting up to ${opts.lockWait} s…\n`);
  };
}

function printSummary(io: CliIO, store: string, summary: IngestSummary): void {
  // one line per failure, whatever its file name holds (a newline would forge a line of the summary)
  for (const f of summary.failed) io.err(`kunafoni: ${escapeControl(f.message)}\n`);
  const graph = summary.graphDeferred ? undefined : summary.store.graph;
  const syndicated = summary.syndicated
    ? ` (${summary.syndicated} syndicated ${summary.syndicated === 1 ? 'copy' : 'copies'})`
    : '';
  const counts = graph
    ? `, ${graph.order} nodes, ${graph.size} edges`
    : ' (the graph takes the new ones in when it is next read)';
  io.err(
    `ingested ${summary.ingested}, already stored ${summary.duplicates}${syndicated}, ` +
      `failed ${summary.failed.length} — store ${store}: ${summary.stored} articles${counts}\n`,
  );
  const stale = (graph && curationOf(graph)?.stale) ?? [];
  if (stale.length) io.err(staleLine(stale));
}
