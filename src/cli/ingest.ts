import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { DEFAULT_STORE } from '../store/store.js';
import type { CliIO } from './io.js';

export const ingestCommand = (io: CliIO, setExit: (code: number) => void) =>
  new Command('ingest')
    .description('add articles (files or folders, walked recursively) to the store; prints a summary')
    .argument('<paths...>', 'files (.txt, .md, .json, .jsonl) or folders')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .addHelpText(
      'after',
      `
Examples:
  kunafoni ingest data/articles
  kunafoni ingest article.md feed.jsonl --store research/store

Prints "ingested N, duplicates N, failed N" on stderr; each failed file on its own line.
Exit code 1 when any input failed (the others are still ingested), 0 otherwise.`,
    )
    .action(async (paths: string[], opts: { store: string }) => {
      const bar = io.isTTY ? new SingleBar({ format: 'reading {bar} {value}/{total} {origin}', stream: process.stderr, hideCursor: true }) : undefined;
      let started = false;
      // the NLP models load here, not when the CLI starts (help and other commands stay fast)
      const { ingestPaths } = await import('../ingest.js');
      const summary = await ingestPaths(paths, {
        store: opts.store,
        onProgress: ({ done, total, origin }) => {
          if (!bar) return;
          if (!started) bar.start(total, 0, { origin: '' }), (started = true);
          bar.update(done, { origin: origin.slice(-40) });
        },
      });
      bar?.stop();
      for (const f of summary.failed) io.err(`kunafoni: ${f.message}\n`);
      const g = summary.store.graph;
      io.err(
        `ingested ${summary.ingested}, duplicates ${summary.duplicates}, failed ${summary.failed.length}` +
          ` — store ${opts.store}: ${summary.store.articles.length} articles, ${g.order} nodes, ${g.size} edges\n`,
      );
      if (summary.failed.length) setExit(1);
    });
