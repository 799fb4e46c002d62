// `kunafoni curate …` on a store of fictional articles: help with examples, each subcommand's output
// and exit codes, names resolved like queries (and refused when ambiguous), --author defaulting to the
// OS user, suggestions that can be pasted back as commands.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { batch1Store } from '../helpers/curation-fixtures.js';
import { tempDir } from '../helpers/common.js';

async function kunafoni(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false };
  const code = await run(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

// one store for the whole file: the tests below run in order and each builds on the decisions before it
const { dir, cleanup } = tempDir('kunafoni-curate-cli-');
afterAll(cleanup);
const store = await batch1Store(dir);
const decisions = () =>
  JSON.parse(readFileSync(join(store, 'curation.json'), 'utf8')).decisions as Record<string, unknown>[];

describe('kunafoni curate: help, suggest, merge', () => {
  it('help lists the subcommands with examples', async () => {
    const r = await kunafoni('curate', '--help');
    expect(r.code).toBe(0);
    for (const c of ['merge', 'rename', 'retype', 'delete', 'split', 'verify', 'list', 'undo', 'suggest'])
      expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stdout).toMatch(/Examples:\n {2}kunafoni curate suggest/);
    const merge = await kunafoni('curate', 'merge', '--help');
    expect(merge.stdout).toMatch(/--note <text>/);
    expect(merge.stdout).toMatch(/--author <name>/);
    expect(merge.stdout).toMatch(/Examples:\n {2}kunafoni curate merge/);
  });

  it('suggest lists the two spellings of the director, with evidence and the command to merge them', async () => {
    const r = await kunafoni('curate', 'suggest', '--store', store);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Seydou Bagayo[kg]o \(person:seydou-bagayo[kg]o\) ⇐ Seydou Bagayo[kg]o/);
    expect(r.stdout).toMatch(/names differ by 1 letter/);
    expect(r.stdout).toMatch(/kunafoni curate merge person:seydou-bagayo[kg]o person:seydou-bagayo[kg]o --store/);
    const json = JSON.parse((await kunafoni('curate', 'suggest', '--json', '--store', store)).stdout);
    expect(json[0]).toMatchObject({ reasons: expect.arrayContaining(['similar-names']), score: expect.any(Number) });
  });

  it('merge records a decision by the OS user and prints what it did', async () => {
    const r = await kunafoni(
      'curate',
      'merge',
      'Seydou Bagayoko',
      'seydou bagayogo',
      '--note',
      'one person',
      '--store',
      store,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{8} {2}merged "Seydou Bagayogo" into "Seydou Bagayoko"/);
    expect(decisions()).toEqual([
      expect.objectContaining({ op: 'merge', author: userInfo().username, note: 'one person' }),
    ]);
    const suggest = await kunafoni('curate', 'suggest', '--store', store);
    expect(suggest.stdout).not.toMatch(/Bagayogo \(person/);
  });
});

describe('kunafoni curate: rename, retype, verify, delete', () => {
  it('rename, retype, verify, delete a relation; --author and --json', async () => {
    expect(
      (
        await kunafoni(
          'curate',
          'rename',
          'Fanta Coulibaly',
          'Fanta Coulibaly Diarra',
          '--author',
          'Awa',
          '--store',
          store,
        )
      ).stdout,
    ).toMatch(/renamed "Fanta Coulibaly" to "Fanta Coulibaly Diarra"/);
    expect((await kunafoni('curate', 'retype', 'Sahel Fibre', 'place', '--store', store)).stdout).toMatch(
      /"Sahel Fibre" is a place \(was organisation\)/,
    );
    const v = await kunafoni(
      'curate',
      'verify',
      'Seydou Bagayoko',
      'Kora Mobile',
      '--kind',
      'holds-role',
      '--json',
      '--store',
      store,
    );
    expect(JSON.parse(v.stdout)).toMatchObject({
      op: 'verify',
      relation: { kind: 'holds-role', source: { label: 'Seydou Bagayoko' }, target: { label: 'Kora Mobile' } },
    });
    const d = await kunafoni('curate', 'delete', 'Fanta Coulibaly Diarra', 'Lassana Touré', '--store', store);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/deleted the met-with relation/);
    expect(decisions().map((x) => [x.op, x.author])).toEqual([
      ['merge', userInfo().username],
      ['rename', 'Awa'],
      ['retype', userInfo().username],
      ['verify', userInfo().username],
      ['delete-relation', userInfo().username],
    ]);
  });
});

describe('kunafoni curate: list, undo, refused input', () => {
  it('list shows every decision with its note; undo removes the latest or the one named', async () => {
    const list = await kunafoni('curate', 'list', '--store', store);
    expect(list.stdout).toMatch(/merge "Seydou Bagayogo" \(person:seydou-bagayogo\) into "Seydou Bagayoko"/);
    expect(list.stdout).toMatch(/note: one person/);
    expect(list.stdout).toMatch(/5 decision\(s\), 0 no longer apply/);
    const retype = decisions()[2]!.id as string;
    const u = await kunafoni('curate', 'undo', retype, '--store', store);
    expect(u.stdout).toMatch(new RegExp(`undone ${retype}: retype "Sahel Fibre"`));
    expect(decisions().map((x) => x.op)).toEqual(['merge', 'rename', 'verify', 'delete-relation']);
    expect((await kunafoni('curate', 'undo', '--store', store)).stdout).toMatch(
      /undone \w+: delete the met-with relation/,
    );
    expect((await kunafoni('curate', 'undo', 'nope', '--store', store)).stderr).toMatch(
      /no curation decision has the id "nope"/,
    );
  });

  it.each([
    [['curate', 'merge', 'Kora Mobile', 'Nobody Here'], 1, /no entity matches "Nobody Here"/],
    [['curate', 'merge', 'Kora Mobile', 'Kora Mobile'], 2, /already one entity/],
    [
      ['curate', 'retype', 'Kora Mobile', 'company'],
      2,
      /kind "company" is not one of person, organisation, topic, place/,
    ],
    [['curate', 'verify', 'Kora Mobile'], 2, /give a relation's edge key, or its two entities/],
    [['curate', 'split', 'Kora Mobile', 'Orange'], 2, /has no alias "Orange"/],
    [['curate', 'rename', 'Kora Mobile'], 2, /missing required argument 'label'/],
  ])('%j exits %i with a clear message', async (args, code, message) => {
    const before = readFileSync(join(store, 'curation.json'), 'utf8');
    const r = await kunafoni(...args, '--store', store);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(store, 'curation.json'), 'utf8')).toBe(before);
  });

  it('a missing store is a clear message', async () => {
    const r = await kunafoni('curate', 'list', '--store', join(dir, 'nowhere'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no store here yet/);
  });
});
