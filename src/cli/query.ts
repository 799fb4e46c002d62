// `kunafoni query …`: the query API (src/query/) on the command line. A readable table by default,
// JSON with --json (pipe it into jq). An unknown name exits 1 with the closest names.
import { Command, Option } from 'commander';
import { parseFilterOptions } from '../export/filter.js';
import type { OpenedStore } from '../query/open.js';
import { DEFAULT_STORE } from '../library/store.js';
import type { Direction, EntityRef, RelationInfo } from '../query/types.js';
import type { CliIO } from './io.js';
import { historyCommands } from './query-history.js';
import { sub, type Common } from './query-sub.js';
import { cut, table } from './table.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];
const ARROW: Record<Direction, string> = { out: '→', in: '←', both: '—' };
const name = (e: EntityRef) => `${e.label} (${e.kind})`;
const dates = (r: { firstSeen?: string; lastSeen?: string }) =>
  r.firstSeen ? (r.lastSeen && r.lastSeen !== r.firstSeen ? `${r.firstSeen}…${r.lastSeen}` : r.firstSeen) : '';
/** A sentence in a table cell: cut at `max` characters, whole with --wide. */
const cell = (text: string, max: number, f: Common) => (f.wide ? text : cut(text, max));
const firstSentence = (r: RelationInfo, f: Common) => cell(r.evidence[0]?.sentence ?? '', 90, f);

export const queryCommand = (io: CliIO) => {
  const q = new Command('query')
    .description('ask the graph: entities, articles, neighbours, paths, relations, timelines, search')
    .addHelpText(
      'after',
      `
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
exits with code 1 and the closest names; an ambiguous one exits 1 listing the candidates.`,
    );

  q.addCommand(
    sub<[string], Common>(
      io,
      {
        name: 'entity',
        args: '<name>',
        description: 'an entity: label, kind, aliases, roles, mentions, dates, relations',
        examples: ['kunafoni query entity "alhamdou ag ilyene"', 'kunafoni query entity huawei --json | jq .aliases'],
        fields:
          '{key, label, kind, aliases[], mentions, firstSeen, lastSeen, roles[], articles[], degree, relationCounts}',
      },
      (s, [n]) => {
        const e = s.entity(n);
        const rows: [string, string][] = [
          ['label', e.label],
          ['kind', e.kind],
          ['key', e.key],
          ['aliases', e.aliases.join('; ')],
          ['roles', e.roles.join('; ')],
          ['mentions', `${e.mentions} article(s)`],
          ['seen', dates(e)],
          [
            'relations',
            `${e.degree}  ${Object.entries(e.relationCounts)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          ],
        ];
        return {
          data: e,
          text:
            rows
              .filter(([, v]) => v)
              .map(([k, v]) => `${k.padEnd(10)} ${v}`)
              .join('\n') + '\n',
        };
      },
    ),
  );

  q.addCommand(
    sub<[string], Common & { relation?: string[]; kind?: string[]; since?: string; until?: string }>(
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
          '[{entity: {key, label, kind}, direction: out|in|both, relation: {key, kind, source, target, directed, weight, sources[], firstSeen, lastSeen, role?, commitment?, evidence[]}}]',
        configure: (c) =>
          c
            .option('--relation <kind>', 'relation kinds to follow (repeat or comma-separate)', collect)
            .option('--kind <kind>', 'kinds of neighbours to keep (repeat or comma-separate)', collect)
            .option('--since <date>', 'relations with evidence on or after this ISO date')
            .option('--until <date>', 'relations with evidence on or before this ISO date'),
      },
      (s, [n], f) => {
        const filters = parseFilterOptions({ relation: f.relation, kind: f.kind, since: f.since, until: f.until });
        const res = s.neighbors(n, {
          relation: filters.relations,
          kind: filters.kinds,
          since: filters.since,
          until: filters.until,
        });
        const rows = res.map((x) => [
          `${ARROW[x.direction]} ${x.relation.kind}`,
          x.entity.label,
          x.entity.kind,
          String(x.relation.weight),
          dates(x.relation),
          x.relation.role ?? x.relation.commitment ?? '',
          firstSentence(x.relation, f),
        ]);
        const head = `${s.entity(n).label}: ${res.length} neighbour(s)\n`;
        return {
          data: res,
          text:
            head +
            (rows.length
              ? table(['relation', 'neighbour', 'kind', 'weight', 'dates', 'role/commitment', 'evidence'], rows)
              : ''),
        };
      },
    ),
  );

  q.addCommand(
    sub<[string, string], Common & { through?: string }>(
      io,
      {
        name: 'path',
        args: '<from> <to>',
        description:
          'the shortest chain of relations between two entities (directions ignored; people and organisations preferred to topics), with the evidence of each step',
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
      (s, [a, b], f) => {
        const p = s.path(a, b, { through: f.through === 'any' ? 'any' : 'entities' });
        if (!p) return { data: null, text: `no path between ${s.entity(a).label} and ${s.entity(b).label}\n` };
        const lines = [`${p.from.label} → ${p.to.label}: ${p.length} step(s)`];
        for (const step of p.steps) {
          const r = step.relations[0]!;
          const arrow = !r.directed ? '—' : r.source.key === step.from.key ? '→' : '←';
          lines.push(
            '',
            `${name(step.from)} ${arrow}${step.relations.map((x) => x.kind).join(', ')}${arrow} ${name(step.to)}`,
          );
          for (const e of step.evidence) lines.push(`    ${e.date ?? '????'}  ${e.source ?? ''}: ${e.sentence}`);
        }
        return { data: p, text: lines.join('\n') + '\n' };
      },
    ),
  );

  q.addCommand(
    sub<[], Common & { kind?: string[]; from?: string; to?: string; since?: string; until?: string; limit?: string }>(
      io,
      {
        name: 'relations',
        args: '',
        description: 'relations by kind, ends and dates, strongest first',
        examples: [
          'kunafoni query relations --kind holds-role',
          'kunafoni query relations --from huawei --since 2023-06 --json',
        ],
        fields:
          '[{key, kind, source: {key, label, kind}, target, directed, weight, sources[], firstSeen, lastSeen, role?, commitment?, evidence[]}]',
        configure: (c) =>
          c
            .option('--kind <kind>', 'relation kinds (repeat or comma-separate)', collect)
            .option('--from <name>', 'relations whose source is this entity (either end when undirected)')
            .option('--to <name>', 'relations whose target is this entity (either end when undirected)')
            .option('--since <date>', 'relations with evidence on or after this ISO date')
            .option('--until <date>', 'relations with evidence on or before this ISO date')
            .option('--limit <n>', 'at most N rows in the table (JSON has them all)', '50'),
      },
      (s, _args, f) => {
        const filters = parseFilterOptions({ relation: f.kind, since: f.since, until: f.until });
        const opts: Parameters<OpenedStore['relations']>[0] = { since: filters.since, until: filters.until };
        if (filters.relations) opts.kind = filters.relations;
        if (f.from !== undefined) opts.from = f.from;
        if (f.to !== undefined) opts.to = f.to;
        const res = s.relations(opts);
        const limit = Math.max(0, Number(f.limit) || 50);
        const rows = res
          .slice(0, limit)
          .map((r) => [
            r.source.label,
            `${r.directed ? '→' : '—'} ${r.kind}`,
            r.target.label,
            String(r.weight),
            dates(r),
            r.role ?? r.commitment ?? '',
            firstSentence(r, f),
          ]);
        const more = res.length > limit ? `… ${res.length - limit} more (--limit, or --json for all)\n` : '';
        return {
          data: res,
          text:
            `${res.length} relation(s)\n` +
            (rows.length
              ? table(['source', 'relation', 'target', 'weight', 'dates', 'role/commitment', 'evidence'], rows)
              : '') +
            more,
        };
      },
    ),
  );

  q.addCommand(
    sub<[string], Common & { evidence?: boolean; limit?: string }>(
      io,
      {
        name: 'search',
        args: '<text>',
        description: 'entities whose label, alias or role matches TEXT (with --evidence: sentences containing it)',
        examples: ['kunafoni query search orange', 'kunafoni query search "fibre optique" --evidence --json'],
        fields:
          '[{entity: {key, label, kind}, field: label|alias|role, matched, score, mentions}]; with --evidence [{relation, evidence}]',
        configure: (c) =>
          c
            .option('--evidence', 'search the evidence sentences instead')
            .option('--limit <n>', 'at most N results', '20'),
      },
      (s, [text], f) => {
        const limit = Math.max(1, Number(f.limit) || 20);
        if (f.evidence) {
          const hits = s.searchEvidence(text, { limit });
          const rows = hits.map((h) => [
            h.evidence.date ?? '',
            `${h.relation.source.label} ${h.relation.kind} ${h.relation.target.label}`,
            cell(h.evidence.sentence, 100, f),
          ]);
          return {
            data: hits,
            text: `${hits.length} sentence(s)\n` + (rows.length ? table(['date', 'relation', 'sentence'], rows) : ''),
          };
        }
        const hits = s.search(text, { limit });
        const rows = hits.map((h) => [
          h.entity.label,
          h.entity.kind,
          h.field === 'label' ? '' : `${h.field}: ${h.matched}`,
          String(h.mentions),
        ]);
        return {
          data: hits,
          text:
            `${hits.length} entit${hits.length === 1 ? 'y' : 'ies'}\n` +
            (rows.length ? table(['entity', 'kind', 'matched', 'mentions'], rows) : ''),
        };
      },
    ),
  );

  q.addCommand(
    sub<[string], Common & { undated?: boolean }>(
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
          '[{date (or "undated"), kind, relation, direction, other: {key, label, kind}, evidence: {article, sentence, start, end, date, source, url, title, rule}}]',
        configure: (c) => c.option('--undated', 'list the evidence of undated articles too, after the dated'),
      },
      (s, [n], f) => {
        const all = s.timeline(n, { undated: true });
        const res = f.undated ? all : all.filter((t) => t.evidence.date);
        const undated = all.length - all.filter((t) => t.evidence.date).length;
        const rows = res.map((t) => [
          t.date,
          `${ARROW[t.direction]} ${t.kind}`,
          t.other.label,
          t.evidence.source ?? '',
          cell(t.evidence.sentence, 90, f),
        ]);
        const note = undated
          ? f.undated
            ? `, ${undated} undated`
            : `; ${undated} undated left out (--undated lists them)`
          : '';
        const head = `${s.entity(n).label}: ${res.length - (f.undated ? undated : 0)} dated sentence(s)${note}\n`;
        return {
          data: res,
          text: head + (rows.length ? table(['date', 'relation', 'with', 'outlet', 'sentence'], rows) : ''),
        };
      },
    ),
  );

  q.addCommand(articlesCommand(io));
  q.addCommand(articleCommand(io));
  for (const c of historyCommands(io)) q.addCommand(c);
  return q;
};

/** A command over the stored articles (their metadata is read from the store, not the graph alone). */
function articleSub(io: CliIO, name: string, description: string, examples: string[], fields: string) {
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

const articlesCommand = (io: CliIO) =>
  articleSub(
    io,
    'articles',
    'every stored article: date (or "undated"), id, outlet, title, entities and relations it produced',
    ['kunafoni query articles', "kunafoni query articles --json | jq -r '.[] | select(.relations == 0) | .id'"],
    '[{id, title, date, source, url, lang, entities, relations}], dated oldest first, then the undated',
  ).action(async (f: Common) => {
    const { loadStore } = await import('../library/store.js');
    const { listArticles } = await import('../query/articles.js');
    const store = await loadStore(f.store, { mustExist: true });
    const res = listArticles(
      store.articles.map((a) => a.article),
      store.graph,
    );
    if (f.json) return io.out(JSON.stringify(res, null, 2) + '\n');
    const rows = res.map((a) => [
      a.date ?? 'undated',
      a.id.slice(0, 12),
      cell(a.source ?? '', 24, f),
      String(a.entities),
      String(a.relations),
      cell(a.title ?? '(no title)', 70, f),
    ]);
    io.out(
      `${res.length} article(s)\n` +
        (rows.length ? table(['date', 'id', 'outlet', 'entities', 'relations', 'title'], rows) : ''),
    );
  });

const articleCommand = (io: CliIO) =>
  articleSub(
    io,
    'article',
    'what one article produced: its metadata, the entities it mentions, the relations its sentences state',
    [
      'kunafoni query article 3f9a2c1b          (an id, or its first characters, from `query articles`)',
      "kunafoni query article 3f9a2c1b --json | jq '.relationList[].kind'",
    ],
    '{id, title, date, source, url, lang, author?, syndicated[], entities, relations, entityList: [{key, label, kind}], relationList: [{key, kind, source, target, directed, evidence[]}]}',
  )
    .argument('<id>', 'article id or its first characters (at least 4)')
    .action(async (id: string, f: Common) => {
      const { loadStore } = await import('../library/store.js');
      const { articleReport } = await import('../query/articles.js');
      const store = await loadStore(f.store, { mustExist: true });
      const r = articleReport(
        store.articles.map((a) => a.article),
        store.graph,
        id,
      );
      if (f.json) return io.out(JSON.stringify(r, null, 2) + '\n');
      const lines = [
        `${r.title ?? '(no title)'}`,
        `${r.date ?? 'undated'} · ${r.source ?? 'unknown outlet'} · ${r.lang} · ${r.id}${r.url ? `\n${r.url}` : ''}`,
        '',
        `entities (${r.entities}): ${r.entityList.map(name).join(', ') || 'none'}`,
        '',
        `relations (${r.relations})${r.relations ? '' : ': none'}`,
      ];
      for (const rel of r.relationList) {
        lines.push(
          `  ${rel.source.label} ${rel.directed ? '→' : '—'} ${rel.kind} ${rel.directed ? '→' : '—'} ${rel.target.label}`,
        );
        for (const e of rel.evidence)
          lines.push(
            `      [${e.rule}${e.confidence !== undefined ? ` ${e.confidence.toFixed(2)}` : ''}] ${cell(e.sentence, 160, f)}`,
          );
      }
      io.out(lines.join('\n') + '\n');
    });
