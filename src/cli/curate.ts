// `kunafoni curate …`: a researcher's corrections, recorded in <store>/curation.json and applied to
// every graph the store builds, so that no re-ingest undoes them. Each subcommand is declared as data
// (name, arguments, help, examples) and turned into a CurationRequest; the store module does the rest.
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { describeDecision, NODE_KINDS, type CurationReport, type Decision } from '../curation/curation.js';
import type { CurationRequest } from '../curation/curation-decide.js';
import { suggestDuplicates } from '../curation/suggest.js';
import { curationStatus, defaultAuthor, recordDecision, undoDecision } from '../library/curation.js';
import { DEFAULT_STORE } from '../library/store.js';
import { RELATION_KINDS } from '../types.js';
import type { CliIO } from './io.js';

interface Flags {
  store: string;
  note?: string;
  author?: string;
  kind?: string;
  json?: boolean;
}

const quoteArg = (s: string) => (/^[\w:.@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function reportStale(io: CliIO, report: CurationReport, except?: string): void {
  const stale = report.stale.filter((o) => o.id !== except);
  if (!stale.length) return;
  io.err(`kunafoni: ${stale.length} curation decision(s) no longer apply to the articles:\n`);
  for (const o of stale) io.err(`  ${o.id}  ${o.op}: ${o.message}\n`);
  io.err('  (see `kunafoni curate list --stale`; undo a decision with `kunafoni curate undo <id>`)\n');
}

interface Spec {
  name: string;
  args: string[];
  description: string;
  examples: string[];
  kindOption?: string;
  request: (args: string[], flags: Flags) => CurationRequest[];
}

const relationSpec = (args: string[], flags: Flags) =>
  args.length === 1
    ? { relation: args[0]! }
    : { source: args[0]!, target: args[1]!, ...(flags.kind ? { kind: flags.kind } : {}) };

const SPECS: Spec[] = [
  {
    name: 'merge',
    args: ['<keep>', '<others...>'],
    description: 'merge entities into <keep>: their names become its aliases, their relations its relations',
    examples: [
      'kunafoni curate merge "Moov Africa Malitel" Malitel --note "same operator"',
      'kunafoni curate merge org:amrtp org:autorite-malienne-de-regulation',
    ],
    request: ([keep, ...others]) => others.map((o) => ({ op: 'merge', entity: o, into: keep! })),
  },
  {
    name: 'rename',
    args: ['<entity>', '<label>'],
    description: 'give an entity another display name (the old one becomes an alias)',
    examples: ['kunafoni curate rename "Issa Kone" "Issa Koné"'],
    request: ([entity, label]) => [{ op: 'rename', entity: entity!, label: label! }],
  },
  {
    name: 'retype',
    args: ['<entity>', '<kind>'],
    description: `change an entity's kind (${NODE_KINDS.join(', ')})`,
    examples: ['kunafoni curate retype "Orange Money" organisation --note "a company, not a person"'],
    request: ([entity, kind]) => [{ op: 'retype', entity: entity!, kind: kind! }],
  },
  {
    name: 'delete',
    args: ['<entity>', '[other]'],
    description: 'delete an entity (and its relations); with two entities, delete the relation between them',
    examples: [
      'kunafoni curate delete "Top Of Page" --note "page furniture, not an entity"',
      'kunafoni curate delete "Issa Koné" "Oumar Diallo" --kind met-with',
      "kunafoni curate delete 'met-with|person:issa-kone|person:oumar-diallo'",
    ],
    kindOption: `with two entities: the kind of the relation to delete (${RELATION_KINDS.join(', ')})`,
    request: (args, flags) =>
      args.length === 2 || (args.length === 1 && args[0]!.includes('|'))
        ? [{ op: 'delete-relation', ...relationSpec(args, flags) }]
        : [{ op: 'delete', entity: args[0]! }],
  },
  {
    name: 'split',
    args: ['<entity>', '<alias>'],
    description:
      'split an alias off into an entity of its own (relations whose evidence names only the alias follow it)',
    examples: ['kunafoni curate split "Moov Africa Malitel" Sotelma --note "Sotelma is the state holding"'],
    kindOption: 'kind of the new entity (default: the same kind)',
    request: ([entity, alias], flags) => [
      { op: 'split', entity: entity!, alias: alias!, ...(flags.kind ? { kind: flags.kind } : {}) },
    ],
  },
  {
    name: 'verify',
    args: ['<entity-or-relation>', '[other]'],
    description: 'mark a relation as verified (a human checked its evidence); exports carry verified=true',
    examples: [
      'kunafoni curate verify "Issa Koné" "Moov Africa Malitel" --kind holds-role',
      "kunafoni curate verify 'holds-role|person:issa-kone|org:moov-africa-malitel'",
    ],
    kindOption: `the kind of the relation when the two entities have several (${RELATION_KINDS.join(', ')})`,
    request: (args, flags) => {
      if (args.length === 1 && !args[0]!.includes('|'))
        throw new UsageError("verify: give a relation's edge key, or its two entities");
      return [{ op: 'verify', ...relationSpec(args, flags) }];
    },
  },
];

function decisionCommand(io: CliIO, spec: Spec): Command {
  const c = new Command(spec.name).description(spec.description);
  for (const a of spec.args) c.argument(a);
  if (spec.kindOption) c.addOption(new Option('--kind <kind>', spec.kindOption));
  c.option('--note <text>', 'why (kept with the decision)')
    .option('--author <name>', 'who decides (default: the OS user name)')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .option('--json', 'print the decision as JSON')
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n`);
  return c.action(async (...all: unknown[]) => {
    const flags = all[all.length - 2] as Flags;
    const args = (all.slice(0, -2) as (string | string[] | undefined)[])
      .flat()
      .filter((a): a is string => a !== undefined);
    await recordDecisions(io, spec.request(args, flags), flags);
  });
}

/** Record the decisions a subcommand asked for, print each one's outcome (or all as JSON), then what went stale. */
async function recordDecisions(io: CliIO, requests: CurationRequest[], flags: Flags): Promise<void> {
  const meta = { author: flags.author ?? defaultAuthor(), ...(flags.note ? { note: flags.note } : {}) };
  const done: Decision[] = [];
  let last: CurationReport | undefined;
  for (const req of requests) {
    const { decision, outcome, report } = await recordDecision(flags.store, req, meta);
    done.push(decision);
    last = report;
    if (flags.json) continue;
    const message =
      outcome.status === 'applied' ? outcome.message : `recorded, but it does not apply: ${outcome.message}`;
    io.out(`${decision.id}  ${message}\n`);
  }
  if (flags.json) io.out(JSON.stringify(done.length === 1 ? done[0] : done, null, 2) + '\n');
  if (last) reportStale(io, last);
}

const CURATE_HELP = `
Decisions are recorded in <store>/curation.json (one entry each, with date, author and note) and
applied to the graph every time it is built, so ingesting more articles never undoes them. Entities
are named by label, alias or node key (see \`kunafoni query search\`); exports carry the result
(merged names as aliases, verified=true on verified relations).

Examples:
  kunafoni curate suggest                                   likely duplicates, with the evidence
  kunafoni curate merge "Moov Africa Malitel" Malitel --note "same operator"
  kunafoni curate rename "Issa Kone" "Issa Koné"
  kunafoni curate retype "Orange Money" organisation
  kunafoni curate delete "Top Of Page"
  kunafoni curate delete "Issa Koné" "Oumar Diallo" --kind met-with
  kunafoni curate split "Moov Africa Malitel" Sotelma
  kunafoni curate verify "Issa Koné" "Moov Africa Malitel" --kind holds-role
  kunafoni curate list                                      every decision, and those that no longer apply
  kunafoni curate undo                                      remove the latest decision (or: undo <id>)`;

export const curateCommand = (io: CliIO) => {
  const curate = new Command('curate')
    .description('correct the graph: merge, rename, retype, delete, split, verify; decisions survive every re-ingest')
    .addHelpText('after', CURATE_HELP);
  const subcommands = [
    ...SPECS.map((spec) => decisionCommand(io, spec)),
    listCommand(io),
    undoCommand(io),
    suggestCommand(io),
  ];
  for (const c of subcommands)
    curate.addCommand(c.configureOutput({ writeOut: io.out, writeErr: io.err }).exitOverride().showHelpAfterError());
  return curate;
};

type ListFlags = { store: string; json?: boolean; stale?: boolean };

const listCommand = (io: CliIO) =>
  new Command('list')
    .description('list the decisions, oldest first, with those that no longer apply')
    .option('--stale', 'only the decisions that no longer apply')
    .option('--json', 'print JSON: [{id, op, date, author, note, …, status, message}]')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .addHelpText(
      'after',
      "\nExamples:\n  kunafoni curate list\n  kunafoni curate list --stale --json | jq -r '.[].id'\n",
    )
    .action((flags: ListFlags) => listDecisions(io, flags));

async function listDecisions(io: CliIO, flags: ListFlags): Promise<void> {
  const { decisions, summary } = await curationStatus(flags.store);
  const stale = new Map((summary?.stale ?? []).map((s) => [s.id, s.message]));
  const rows = decisions
    .map((d) => ({
      ...d,
      status: stale.has(d.id) ? ('stale' as const) : ('applied' as const),
      ...(stale.has(d.id) ? { message: stale.get(d.id)! } : {}),
    }))
    .filter((d) => !flags.stale || d.status === 'stale');
  if (flags.json) return void io.out(JSON.stringify(rows, null, 2) + '\n');
  if (!decisions.length) return void io.out(`no curation decisions in ${flags.store}\n`);
  for (const d of rows) {
    io.out(`${d.id}  ${d.date.slice(0, 10)}  ${d.author}  ${describeDecision(d)}\n`);
    if (d.note) io.out(`          note: ${d.note}\n`);
    if (d.status === 'stale') io.out(`          NO LONGER APPLIES: ${d.message}\n`);
  }
  io.out(`${decisions.length} decision(s), ${stale.size} no longer appl${stale.size === 1 ? 'ies' : 'y'}\n`);
}

const undoCommand = (io: CliIO) =>
  new Command('undo')
    .description('remove a decision (the latest when no id is given) and rebuild the graph without it')
    .argument('[id]', 'the decision id (see `kunafoni curate list`)')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .addHelpText('after', '\nExamples:\n  kunafoni curate undo\n  kunafoni curate undo 3f2a9c1e\n')
    .action(async (id: string | undefined, flags: { store: string }) => {
      const { removed, report } = await undoDecision(flags.store, id);
      io.out(`undone ${removed.id}: ${describeDecision(removed)}\n`);
      reportStale(io, report);
    });

type SuggestFlags = { store: string; json?: boolean; limit: string; minScore: string };

const suggestCommand = (io: CliIO) =>
  new Command('suggest')
    .description(
      'list likely duplicates (similar names, acronym and full name, same role at the same organisation), ' +
        'most likely first',
    )
    .addOption(new Option('--limit <n>', 'at most this many').default('20'))
    .addOption(new Option('--min-score <x>', 'ignore suggestions scoring below this (0..1)').default('0.5'))
    .option('--json', 'print JSON: [{keep, merge, score, reasons[], evidence[]}]')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .addHelpText(
      'after',
      '\nExamples:\n  kunafoni curate suggest\n' +
        '  kunafoni curate suggest --limit 100 --json | jq \'.[] | select(.reasons | index("acronym"))\'\n',
    )
    .action((flags: SuggestFlags) => printSuggestions(io, flags));

async function printSuggestions(io: CliIO, flags: SuggestFlags): Promise<void> {
  const limit = Number(flags.limit);
  const minScore = Number(flags.minScore);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit: "${flags.limit}" is not a positive integer`);
  if (!(minScore >= 0 && minScore <= 1))
    throw new UsageError(`--min-score: "${flags.minScore}" is not a number between 0 and 1`);
  const { graph } = await curationStatus(flags.store);
  const found = suggestDuplicates(graph, { limit, minScore });
  if (flags.json) return void io.out(JSON.stringify(found, null, 2) + '\n');
  if (!found.length) return void io.out('no likely duplicates\n');
  const storeFlag = flags.store !== DEFAULT_STORE ? ` --store ${quoteArg(flags.store)}` : '';
  found.forEach((s, i) => {
    const score = s.score.toFixed(2);
    io.out(`${i + 1}. ${s.keep.label} (${s.keep.key}) ⇐ ${s.merge.label} (${s.merge.key})   score ${score}\n`);
    for (const e of s.evidence) io.out(`     ${e}\n`);
    io.out(`     kunafoni curate merge ${quoteArg(s.keep.key)} ${quoteArg(s.merge.key)}${storeFlag}\n`);
  });
}
