// The CLI loads a command's module only when that command runs; the top-level help lists every
// command from a table in src/cli/main.ts, which must say what the commands themselves say.
import { describe, expect, it } from 'vitest';
import { COMMANDS, invokedCommand, program } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

const io: CliIO = { out: () => undefined, err: () => undefined, isTTY: false };

describe('kunafoni CLI: commands loaded on demand', () => {
  it.each([
    [['--version'], undefined],
    [['query', 'entity', 'x', '--json'], 'query'],
    [['help', 'export'], 'export'],
    [['ingest', '-', '--store', 's'], 'ingest'],
  ])('invokedCommand(%j) is %s', (argv, name) => {
    expect(invokedCommand(argv)).toBe(name);
  });

  it.each(COMMANDS.map((c) => [c.name]))('the top-level help describes %s as the command itself does', async (name) => {
    const entry = COMMANDS.find((c) => c.name === name)!;
    const full = await entry.load(io, () => undefined);
    expect(full.name()).toBe(name);
    expect(full.description()).toBe(entry.description);
    expect(
      full.registeredArguments
        .map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}]`))
        .join(' '),
    ).toBe(entry.args);
  });

  it('only the invoked command is declared in full (others are stubs without options)', async () => {
    const p = await program(io, () => undefined, 'stats');
    const stats = p.commands.find((c) => c.name() === 'stats')!;
    const ingest = p.commands.find((c) => c.name() === 'ingest')!;
    expect(stats.options.map((o) => o.long)).toContain('--store');
    expect(ingest.options).toHaveLength(0);
  });
});
