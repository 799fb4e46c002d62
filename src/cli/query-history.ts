// `kunafoni query roles` and `kunafoni query commitments`: who held which post when, and pledges
// followed over time (src/query/roles.ts, src/query/commitments.ts).
import type { Command } from 'commander';
import type { CommitmentStatus } from '../query/commitments.js';
import type { OpenedStore } from '../query/open.js';
import type { CliIO } from './io.js';
import { querySubcommand, type QueryFlags, type QueryOutput } from './query-sub.js';
import { cut, table } from './table.js';

const span = (r: { firstSeen?: string; lastSeen?: string }) =>
  r.firstSeen ? (r.lastSeen && r.lastSeen !== r.firstSeen ? `${r.firstSeen} … ${r.lastSeen}` : r.firstSeen) : 'undated';
const collect = (value: string, previous: string[] = []) => [...previous, value];

const rolesCommand = (io: CliIO) =>
  querySubcommand<[string], RolesFlags>(
    io,
    {
      name: 'roles',
      args: '<name>',
      description:
        'who held which post when: an organisation’s succession, or a person’s posts, ' +
        'one period per (person, organisation, role)',
      examples: [
        'kunafoni query roles "Kora Mobile"',
        'kunafoni query roles "Hamidou Ben Touré" --sentences',
        `kunafoni query roles "Kora Mobile" --json | jq -r '.[] | "\\(.firstSeen) \\(.role) \\(.person.label)"'`,
      ],
      fields:
        '[{role, person: {key, label, kind}, organisation, firstSeen, lastSeen, articles, sources[], relation, ' +
        'evidence[]}] in the order the periods start',
      configure: (c: Command) => c.option('--sentences', 'print every sentence under its period'),
    },
    rolesOutput,
  );

type RolesFlags = QueryFlags & { sentences?: boolean };
type RolePeriods = ReturnType<OpenedStore['roles']>;

function rolesOutput(store: OpenedStore, [name]: [string], flags: RolesFlags): QueryOutput {
  const entity = store.entity(name);
  const periods = store.roles(name);
  const head = `${entity.label}: ${periods.length} role period(s)\n`;
  const text = flags.sentences ? rolesWithSentences(head, periods) : rolesTable(head, periods, entity.kind);
  return { data: periods, text };
}

/** One row per period: the other end is the organisation for a person, the person for an organisation. */
function rolesTable(head: string, periods: RolePeriods, kind: string): string {
  const rows = periods.map((p) => [
    span(p),
    p.role,
    kind === 'person' ? p.organisation.label : p.person.label,
    String(p.articles),
    p.sources.join('; '),
    cut(p.evidence[0]?.sentence ?? '', 80),
  ]);
  const other = kind === 'person' ? 'organisation' : 'person';
  return head + (rows.length ? table(['period', 'role', other, 'articles', 'outlets', 'first sentence'], rows) : '');
}

function rolesWithSentences(head: string, periods: RolePeriods): string {
  const lines = [head.trimEnd()];
  for (const p of periods) {
    lines.push('', `${span(p)}  ${p.role}: ${p.person.label} (${p.organisation.label})`);
    for (const ev of p.evidence) lines.push(`    ${ev.date ?? '????'}  ${ev.source ?? ''}: ${ev.sentence}`);
  }
  return lines.join('\n') + '\n';
}

type CommitmentsFlags = QueryFlags & { actor?: string; status?: string[]; since?: string; until?: string };

const commitmentsCommand = (io: CliIO) =>
  querySubcommand<[], CommitmentsFlags>(
    io,
    {
      name: 'commitments',
      args: '',
      description:
        'pledges followed over time: one actor’s pledge on one topic across articles, ' +
        'each step with its status, date and sentence',
      examples: [
        'kunafoni query commitments --actor "Kora Mobile"',
        'kunafoni query commitments --status abandoned,implemented --since 2024',
        `kunafoni query commitments --json | jq -r '.[] | "\\(.actor.label): \\(.status) \\(.commitment)"'`,
      ],
      fields:
        '[{id, actor: {key, label, kind}, topic, status (the latest step’s), commitment, firstSeen, lastSeen, ' +
        'sources[], relations[], ' +
        'steps: [{date, status, commitment, sentence, article, source, url, title, relation}]}]',
      configure: (c: Command) =>
        c
          .option('--actor <name>', 'the pledges of this person or organisation')
          .option(
            '--status <status>',
            'threads whose latest status is one of: announced, signed, implemented, abandoned ' +
              '(repeat or comma-separate)',
            collect,
          )
          .option('--since <date>', 'threads with a step on or after this ISO date')
          .option('--until <date>', 'threads with a step on or before this ISO date'),
    },
    commitmentsOutput,
  );

function commitmentsOutput(store: OpenedStore, _args: [], flags: CommitmentsFlags): QueryOutput {
  const status = flags.status
    ?.flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean) as CommitmentStatus[] | undefined;
  const threads = store.commitments({
    ...(flags.actor !== undefined ? { actor: flags.actor } : {}),
    ...(status?.length ? { status } : {}),
    ...(flags.since ? { since: flags.since } : {}),
    ...(flags.until ? { until: flags.until } : {}),
  });
  const lines = [`${threads.length} commitment thread(s)`];
  for (const t of threads) {
    lines.push(
      '',
      `${t.actor.label} → ${t.topic.label}: ${t.status.toUpperCase()}  (${span(t)}, ${t.steps.length} step(s))`,
      `  ${cut(t.commitment, 110)}`,
    );
    for (const step of t.steps) {
      const date = (step.date ?? '????').padEnd(10);
      lines.push(`    ${date}  ${step.status.padEnd(11)}  ${step.source ?? ''}: ${cut(step.sentence, 140)}`);
    }
  }
  return { data: threads, text: lines.join('\n') + '\n' };
}

export const historyCommands = (io: CliIO): Command[] => [rolesCommand(io), commitmentsCommand(io)];
