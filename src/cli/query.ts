// `kunafoni query …`: the query API (src/query/) on the command line. A readable table by default,
// JSON with --json (pipe it into jq). An unknown name exits 1 with the closest names.
import { Command, Option } from 'commander';
import { parseFilterOptions } from '../export/filter.js';
import type { ArticleReport } from '../query/articles.js';
import type { OpenedStore } from '../query/open.js';
import { DEFAULT_STORE } from '../library/store.js';
import type { Direction, EntityRef, RelationInfo } from '../query/types.js';
import type { CliIO } from './io.js';
import { historyCommands } from './query-history.js';
import { querySubcommand, type QueryFlags, type QueryOutput } from './query-sub.js';
import { cut, table } from './table.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const ARROW: Record<Direction, string> = { out: '→', in: '←', both: '—' };
const labelAndKind = (e: EntityRef) => `${e.label} (${e.kind})`;
const seenDates = (r: { firstSeen?: string; lastSeen?: string }) =>
  r.firstSeen ? (r.lastSeen && r.lastSeen !== r.firstSeen ? `${r.firstSeen}…${r.lastSeen}` : r.firstSeen) : '';
/** A sentence in a table cell: cut at `max` characters, whole with --wide. */
const cell = (text: string, max: number, flags: QueryFlags) => (flags.wide ? text : cut(text, max));
const firstSentence = (r: RelationInfo, flags: QueryFlags) => cell(r.evidence[0]?.sentence ?? '', 90, flags);
/** A table under its header line, or the header line alone when there are no rows. */
const tableOrNothing = (header: string[], rows: string[][]) => (rows.length ? table(header, rows) : '');

/** The fields of a relation in the JSON output, after `key, kind, source…`. */
const RELATION_TAIL_FIELDS = 'target, directed, weight, sources[], firstSeen, lastSeen, role?, commitment?, evidence[]';

const QUERY_HELP = `
Examples:
  kunafoni query entity "alhamdou ag ilyene"
  kunafoni query neighbors huawei --relation holds-role --json | jq -r '.[].entity.label'
  kunafoni query path "Leyti N'Diaye" "Jean Sun Wei"
  kunafoni query relations --kind committed-to --since 2024
  kunafoni query timeline "Orange Mali"
  kunafoni query search fibre --evidence
  kunafoni query articles --wide
  kunafoni query article 3f9a2c1b
  kunafoni query roles "Kora Mobile"
  kunafoni query commitments --actor "Kora Mobile" --status implemented

Names are matched ignoring accents, case and apostrophes, by label or alias. An unknown name
exits with code 1 and the closest names; an ambiguous one exits 1 listing the candidates.`;

export const queryCommand = (io: CliIO) => {
  const query = new Command('query')
    .description('ask the graph: entities, articles, neighbours, paths, relations, timelines, search')
    .addHelpText('after', QUERY_HELP);
  const subcommands = [
    entityCommand(io),
    neighborsCommand(io),
    pathCommand(io),
    relationsCommand(io),
    searchCommand(io),
    timelineCommand(io),
    articlesCommand(io),
    articleCommand(io),
    ...historyCommands(io),
  ];
  for (const subcommand of subcommands) query.addCommand(subcommand);
  return query;
};

const entityCommand = (io: CliIO) =>
  querySubcommand<[string], QueryFlags>(
    io,
    {
      name: 'entity',
      args: '<name>',
      description: 'an entity: label, kind, aliases, roles, mentions, dates, relations',
      examples: ['kunafoni query entity "alhamdou ag ilyene"', 'kunafoni query entity huawei --json | jq .aliases'],
      fields:
        '{key, label, kind, aliases[], mentions, firstSeen, lastSeen, roles[], articles[], degree, relationCounts}',
    },
    entityOutput,
  );

function entityOutput(store: OpenedStore, [name]: [string]): QueryOutput {
  const e = store.entity(name);
  const relationCounts = Object.entries(e.relationCounts)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const rows: [string, string][] = [
    ['label', e.label],
    ['kind', e.kind],
    ['key', e.key],
    ['aliases', e.aliases.join('; ')],
    ['roles', e.roles.join('; ')],
    ['mentions', `${e.mentions} article(s)`],
    ['seen', seenDates(e)],
    ['relations', `${e.degree}  ${relationCounts}`],
  ];
  const text =
    rows
      .filter(([, value]) => value)
      .map(([field, value]) => `${field.padEnd(10)} ${value}`)
      .join('\n') + '\n';
  return { data: e, text };
}

type NeighborsFlags = QueryFlags & { relation?: string[]; kind?: string[]; since?: string; until?: string };

const neighborsCommand = (io: CliIO) =>
  querySubcommand<[string], NeighborsFlags>(
    io,
    {
      name: 'neighbors',
      args: '<name>',
      description: 'the entities related to NAME, strongest relation first',
      examples: [
        'kunafoni query neighbors huawei',
        'kunafoni query neighbors "Orange Mali" --relation holds-role --kind person --json',
      ],
      fields:
        '[{entity: {key, label, kind}, direction: out|in|both, ' +
        `relation: {key, kind, source, ${RELATION_TAIL_FIELDS}}}]`,
      configure: (c) =>
        c
          .option('--relation <kind>', 'relation kinds to follow (repeat or comma-separate)', collect)
          .option('--kind <kind>', 'kinds of neighbours to keep (repeat or comma-separate)', collect)
          .option('--since <date>', 'relations with evidence on or after this ISO date')
          .option('--until <date>', 'relations with evidence on or before this ISO date'),
    },
    neighborsOutput,
  );

function neighborsOutput(store: OpenedStore, [name]: [string], flags: NeighborsFlags): QueryOutput {
  const { relation, kind, since, until } = flags;
  const filters = parseFilterOptions({ relation, kind, since, until });
  const neighbours = store.neighbors(name, {
    relation: filters.relations,
    kind: filters.kinds,
    since: filters.since,
    until: filters.until,
  });
  const rows = neighbours.map((x) => [
    `${ARROW[x.direction]} ${x.relation.kind}`,
    x.entity.label,
    x.entity.kind,
    String(x.relation.weight),
    seenDates(x.relation),
    x.relation.role ?? x.relation.commitment ?? '',
    firstSentence(x.relation, flags),
  ]);
  const head = `${store.entity(name).label}: ${neighbours.length} neighbour(s)\n`;
  const header = ['relation', 'neighbour', 'kind', 'weight', 'dates', 'role/commitment', 'evidence'];
  return { data: neighbours, text: head + tableOrNothing(header, rows) };
}

type PathFlags = QueryFlags & { through?: string };

const pathCommand = (io: CliIO) =>
  querySubcommand<[string, string], PathFlags>(
    io,
    {
      name: 'path',
      args: '<from> <to>',
      description:
        'the shortest chain of relations between two entities (directions ignored; ' +
        'people and organisations preferred to topics), with the evidence of each step',
      examples: [
        `kunafoni query path "Leyti N'Diaye" "Jean Sun Wei"`,
        `kunafoni query path huawei "orange mali" --json | jq '.steps[].to.label'`,
      ],
      fields: '{from, to, length, steps: [{from, to, relations[], evidence[]}]} or null when they are not connected',
      configure: (c) =>
        c.addOption(
          new Option(
            '--through <what>',
            'entities: a step into or out of a topic or place counts double; any: every step counts one',
          )
            .choices(['entities', 'any'])
            .default('entities'),
        ),
    },
    pathOutput,
  );

function pathOutput(store: OpenedStore, [from, to]: [string, string], flags: PathFlags): QueryOutput {
  const path = store.path(from, to, { through: flags.through === 'any' ? 'any' : 'entities' });
  if (!path) return { data: null, text: `no path between ${store.entity(from).label} and ${store.entity(to).label}\n` };
  const lines = [`${path.from.label} → ${path.to.label}: ${path.length} step(s)`];
  for (const step of path.steps) {
    const first = step.relations[0]!;
    const arrow = !first.directed ? '—' : first.source.key === step.from.key ? '→' : '←';
    const kinds = step.relations.map((x) => x.kind).join(', ');
    lines.push('', `${labelAndKind(step.from)} ${arrow}${kinds}${arrow} ${labelAndKind(step.to)}`);
    for (const e of step.evidence) lines.push(`    ${e.date ?? '????'}  ${e.source ?? ''}: ${e.sentence}`);
  }
  return { data: path, text: lines.join('\n') + '\n' };
}

type RelationsFlags = QueryFlags & {
  kind?: string[];
  from?: string;
  to?: string;
  since?: string;
  until?: string;
  limit?: string;
};

const relationsCommand = (io: CliIO) =>
  querySubcommand<[], RelationsFlags>(
    io,
    {
      name: 'relations',
      args: '',
      description: 'relations by kind, ends and dates, strongest first',
      examples: [
        'kunafoni query relations --kind holds-role',
        'kunafoni query relations --from huawei --since 2023-06 --json',
      ],
      fields: `[{key, kind, source: {key, label, kind}, ${RELATION_TAIL_FIELDS}}]`,
      configure: (c) =>
        c
          .option('--kind <kind>', 'relation kinds (repeat or comma-separate)', collect)
          .option('--from <name>', 'relations whose source is this entity (either end when undirected)')
          .option('--to <name>', 'relations whose target is this entity (either end when undirected)')
          .option('--since <date>', 'relations with evidence on or after this ISO date')
          .option('--until <date>', 'relations with evidence on or before this ISO date')
          .option('--limit <n>', 'at most N rows in the table (JSON has them all)', '50'),
    },
    relationsOutput,
  );

function relationsOutput(store: OpenedStore, _args: [], flags: RelationsFlags): QueryOutput {
  const filters = parseFilterOptions({ relation: flags.kind, since: flags.since, until: flags.until });
  const options: Parameters<OpenedStore['relations']>[0] = { since: filters.since, until: filters.until };
  if (filters.relations) options.kind = filters.relations;
  if (flags.from !== undefined) options.from = flags.from;
  if (flags.to !== undefined) options.to = flags.to;
  const relations = store.relations(options);
  const limit = Math.max(0, Number(flags.limit) || 50);
  const rows = relations
    .slice(0, limit)
    .map((r) => [
      r.source.label,
      `${r.directed ? '→' : '—'} ${r.kind}`,
      r.target.label,
      String(r.weight),
      seenDates(r),
      r.role ?? r.commitment ?? '',
      firstSentence(r, flags),
    ]);
  const more = relations.length > limit ? `… ${relations.length - limit} more (--limit, or --json for all)\n` : '';
  const header = ['source', 'relation', 'target', 'weight', 'dates', 'role/commitment', 'evidence'];
  return { data: relations, text: `${relations.length} relation(s)\n` + tableOrNothing(header, rows) + more };
}

type SearchFlags = QueryFlags & { evidence?: boolean; limit?: string };

const searchCommand = (io: CliIO) =>
  querySubcommand<[string], SearchFlags>(
    io,
    {
      name: 'search',
      args: '<text>',
      description: 'entities whose label, alias or role matches TEXT (with --evidence: sentences containing it)',
      examples: ['kunafoni query search orange', 'kunafoni query search "fibre optique" --evidence --json'],
      fields:
        '[{entity: {key, label, kind}, field: label|alias|role, matched, score, mentions}]; ' +
        'with --evidence [{relation, evidence}]',
      configure: (c) =>
        c
          .option('--evidence', 'search the evidence sentences instead')
          .option('--limit <n>', 'at most N results', '20'),
    },
    (store, [text], flags) => {
      const limit = Math.max(1, Number(flags.limit) || 20);
      return flags.evidence ? evidenceSearchOutput(store, text, limit, flags) : entitySearchOutput(store, text, limit);
    },
  );

function evidenceSearchOutput(store: OpenedStore, text: string, limit: number, flags: QueryFlags): QueryOutput {
  const hits = store.searchEvidence(text, { limit });
  const rows = hits.map((h) => [
    h.evidence.date ?? '',
    `${h.relation.source.label} ${h.relation.kind} ${h.relation.target.label}`,
    cell(h.evidence.sentence, 100, flags),
  ]);
  return { data: hits, text: `${hits.length} sentence(s)\n` + tableOrNothing(['date', 'relation', 'sentence'], rows) };
}

function entitySearchOutput(store: OpenedStore, text: string, limit: number): QueryOutput {
  const hits = store.search(text, { limit });
  const rows = hits.map((h) => [
    h.entity.label,
    h.entity.kind,
    h.field === 'label' ? '' : `${h.field}: ${h.matched}`,
    String(h.mentions),
  ]);
  const head = `${hits.length} entit${hits.length === 1 ? 'y' : 'ies'}\n`;
  return { data: hits, text: head + tableOrNothing(['entity', 'kind', 'matched', 'mentions'], rows) };
}

type TimelineFlags = QueryFlags & { undated?: boolean };

const timelineCommand = (io: CliIO) =>
  querySubcommand<[string], TimelineFlags>(
    io,
    {
      name: 'timeline',
      args: '<name>',
      description: 'the dated evidence of every relation of NAME, oldest first (--undated: then the undated)',
      examples: [
        'kunafoni query timeline "Alhamdou Ag Ilyène"',
        `kunafoni query timeline huawei --json | jq -r '.[] | "\\(.date) \\(.evidence.sentence)"'`,
      ],
      fields:
        '[{date (or "undated"), kind, relation, direction, other: {key, label, kind}, ' +
        'evidence: {article, sentence, start, end, date, source, url, title, rule}}]',
      configure: (c) => c.option('--undated', 'list the evidence of undated articles too, after the dated'),
    },
    timelineOutput,
  );

function timelineOutput(store: OpenedStore, [name]: [string], flags: TimelineFlags): QueryOutput {
  const all = store.timeline(name, { undated: true });
  const entries = flags.undated ? all : all.filter((t) => t.evidence.date);
  const undated = all.length - all.filter((t) => t.evidence.date).length;
  const rows = entries.map((t) => [
    t.date,
    `${ARROW[t.direction]} ${t.kind}`,
    t.other.label,
    t.evidence.source ?? '',
    cell(t.evidence.sentence, 90, flags),
  ]);
  let note = '';
  if (undated) note = flags.undated ? `, ${undated} undated` : `; ${undated} undated left out (--undated lists them)`;
  const dated = entries.length - (flags.undated ? undated : 0);
  const head = `${store.entity(name).label}: ${dated} dated sentence(s)${note}\n`;
  return { data: entries, text: head + tableOrNothing(['date', 'relation', 'with', 'outlet', 'sentence'], rows) };
}

/** A command over the stored articles (their metadata is read from the store, not the graph alone). */
function articleSubcommand(io: CliIO, name: string, description: string, examples: string[], fields: string) {
  return new Command(name)
    .description(description)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError()
    .option('--json', 'print JSON (for jq and scripts)')
    .option('--wide', 'tables: whole titles and sentences, not cut')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .addHelpText('after', `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n\nJSON: ${fields}`);
}

/** The stored articles (the records, without their extraction) and the graph of a store that must exist. */
async function storedArticles(storeDir: string) {
  const { loadStore } = await import('../library/store.js');
  const store = await loadStore(storeDir, { mustExist: true });
  return { articles: store.articles.map((a) => a.article), graph: store.graph };
}

const articlesCommand = (io: CliIO) =>
  articleSubcommand(
    io,
    'articles',
    'every stored article: date (or "undated"), id, outlet, title, entities and relations it produced',
    ['kunafoni query articles', "kunafoni query articles --json | jq -r '.[] | select(.relations == 0) | .id'"],
    '[{id, title, date, source, url, lang, entities, relations}], dated oldest first, then the undated',
  ).action(async (flags: QueryFlags) => {
    const { listArticles } = await import('../query/articles.js');
    const { articles, graph } = await storedArticles(flags.store);
    const list = listArticles(articles, graph);
    if (flags.json) return io.out(JSON.stringify(list, null, 2) + '\n');
    const rows = list.map((a) => [
      a.date ?? 'undated',
      a.id.slice(0, 12),
      cell(a.source ?? '', 24, flags),
      String(a.entities),
      String(a.relations),
      cell(a.title ?? '(no title)', 70, flags),
    ]);
    const header = ['date', 'id', 'outlet', 'entities', 'relations', 'title'];
    io.out(`${list.length} article(s)\n` + tableOrNothing(header, rows));
  });

const articleCommand = (io: CliIO) =>
  articleSubcommand(
    io,
    'article',
    'what one article produced: its metadata, the entities it mentions, the relations its sentences state',
    [
      'kunafoni query article 3f9a2c1b          (an id, or its first characters, from `query articles`)',
      "kunafoni query article 3f9a2c1b --json | jq '.relationList[].kind'",
    ],
    '{id, title, date, source, url, lang, author?, syndicated[], entities, relations, ' +
      'entityList: [{key, label, kind}], relationList: [{key, kind, source, target, directed, evidence[]}]}',
  )
    .argument('<id>', 'article id or its first characters (at least 4)')
    .action(async (id: string, flags: QueryFlags) => {
      const { articleReport } = await import('../query/articles.js');
      const { articles, graph } = await storedArticles(flags.store);
      const report = articleReport(articles, graph, id);
      io.out(flags.json ? JSON.stringify(report, null, 2) + '\n' : articleText(report, flags));
    });

function articleText(r: ArticleReport, flags: QueryFlags): string {
  const lines = [
    `${r.title ?? '(no title)'}`,
    `${r.date ?? 'undated'} · ${r.source ?? 'unknown outlet'} · ${r.lang} · ${r.id}${r.url ? `\n${r.url}` : ''}`,
    '',
    `entities (${r.entities}): ${r.entityList.map(labelAndKind).join(', ') || 'none'}`,
    '',
    `relations (${r.relations})${r.relations ? '' : ': none'}`,
  ];
  for (const rel of r.relationList) {
    const arrow = rel.directed ? '→' : '—';
    lines.push(`  ${rel.source.label} ${arrow} ${rel.kind} ${arrow} ${rel.target.label}`);
    for (const e of rel.evidence) {
      const confidence = e.confidence !== undefined ? ` ${e.confidence.toFixed(2)}` : '';
      lines.push(`      [${e.rule}${confidence}] ${cell(e.sentence, 160, flags)}`);
    }
  }
  return lines.join('\n') + '\n';
}
