import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../electron/cli/command';
import { COMMANDS } from '../../electron/cli/registry';
import { cliInProcess } from '../support/commandLine';

/**
 * A `postgres://` address given to a command that still runs on the SQLite file only is refused in Norwegian
 * before the command is even loaded: not taken for a file name (a new file called «postgres:»), not a
 * crash, and the address (its password) never printed.
 */
const SECRET = 'hemmelig-passord-42';
const ADDRESS = `postgres://ola:${SECRET}@127.0.0.1:5432/ettervern`;
const CANDIDATE_VALUES = ['2020', '2020-01-01', '1', 'a'];

/** A command line the parser accepts, with the address in every option that names a file or database. */
function commandLine(spec: CommandSpec, addressIn: string): string[] {
  const argv = [spec.name];
  for (const [name, option] of Object.entries(spec.options)) {
    if ('flag' in option) continue;
    if (name === addressIn) argv.push(`--${name}`, ADDRESS);
    else if (option.required)
      argv.push(
        `--${name}`,
        CANDIDATE_VALUES.find((value) => (option.type ? option.type.parse(value) !== undefined : true))!,
      );
  }
  for (const positional of spec.positionals) if (positional.required) argv.push(positional.choices?.[0] ?? 'a');
  return argv;
}

const FILE_ONLY = COMMANDS.map((command) => command.spec).filter((spec) => 'db' in spec.options && !('server' in spec.options.db!));

describe('a server address for a command that works on a file only', () => {
  it('covers the commands that take --db, stats aside', () => {
    expect(FILE_ONLY.map((spec) => spec.name)).toEqual(expect.arrayContaining(['call', 'demo', 'backup', 'audit', 'import-timesheet', 'upgrade']));
    expect(FILE_ONLY.map((spec) => spec.name)).not.toContain('stats');
  });

  it.each(FILE_ONLY.map((spec) => [spec.name, spec] as const))('«%s» refuses it in Norwegian, naming neither address nor password', async (name, spec) => {
    const run = await cliInProcess(commandLine(spec, 'db'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`«${name}» virker foreløpig bare på en databasefil, ikke på en databaseserver (--db er en postgres://-adresse).`);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(existsSync('postgres:')).toBe(false);
  });

  it('refuses it in another file option too (the backup written to a «server»)', async () => {
    const backup = COMMANDS.find((command) => command.spec.name === 'backup')!.spec;
    const run = await cliInProcess(['backup', '--db', 'team.sqlite', '--out', ADDRESS]);
    expect(backup.options.out).toBeDefined();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('(--out er en postgres://-adresse)');
  });
});
