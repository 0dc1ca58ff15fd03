import { describe, expect, it } from 'vitest';
import { defineCommand, type CommandSpec } from '../../electron/cli/command';
import { UsageError } from '../../electron/cli/io';
import { DATE, integerBetween, YEAR } from '../../electron/cli/optionValues';
import { parseCommandLine } from '../../electron/cli/parseArguments';
import { COMMANDS } from '../../electron/cli/registry';
import { commandUsage, synopsis, usage } from '../../electron/cli/usage';

const copy = defineCommand({
  name: 'copy',
  description: ['Kopierer.'],
  options: {
    db: { placeholder: 'FIL', required: true, description: 'Databasefilen' },
    year: { placeholder: 'ÅÅÅÅ', type: YEAR, description: 'Året' },
    seed: { placeholder: 'N', type: integerBetween(0, 9), description: 'Et siffer' },
    from: { placeholder: 'DATO', type: DATE, description: 'Fra dato' },
    sheet: { placeholder: 'NAVN', repeatable: true, description: 'Et ark' },
    force: { flag: true, description: 'Erstatt' },
  },
  positionals: [
    { name: 'kind', placeholder: 'TYPE', required: true, choices: ['a', 'b'] },
    { name: 'payload', placeholder: 'JSON' },
  ],
});

function refusal(argv: string[], spec: CommandSpec = copy): string {
  try {
    parseCommandLine(spec, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

function parsed(argv: string[]) {
  const result = parseCommandLine(copy, argv);
  if (result.help) throw new Error('help');
  return result.args;
}

describe('the command-line parser', () => {
  it('gives each option and argument its declared type, with defaults for flags and lists', () => {
    expect(parsed(['a', '--db', 'x.sqlite'])).toEqual({ kind: 'a', db: 'x.sqlite', force: false, sheet: [] });
    expect(
      parsed(['b', '{}', '--db=x.sqlite', '--year', '2024', '--seed', '7', '--from', '03.04.2024', '--sheet', 'Jan', '--sheet', 'Feb', '--force']),
    ).toEqual({ kind: 'b', payload: '{}', db: 'x.sqlite', year: 2024, seed: 7, from: '2024-04-03', sheet: ['Jan', 'Feb'], force: true });
  });

  it('refuses an unknown option, long or short', () => {
    expect(refusal(['a', '--db', 'x', '--verbose'])).toBe('Ukjent valg: --verbose');
    expect(refusal(['a', '--db', 'x', '-v'])).toBe('Ukjent valg: -v');
  });

  it('refuses an option without its value, also when the next word is another option', () => {
    expect(refusal(['a', '--db'])).toBe('Valget --db mangler verdi (FIL)');
    expect(refusal(['a', '--db', '--force'])).toBe('Valget --db mangler verdi (FIL)');
    expect(parsed(['a', '--db=-rart-navn'])).toMatchObject({ db: '-rart-navn' });
  });

  it('refuses a missing required option or argument, too many arguments and a value the option cannot take', () => {
    expect(refusal(['a'])).toBe('Mangler --db FIL');
    expect(refusal(['--db', 'x'])).toBe('Mangler TYPE');
    expect(refusal(['c', '--db', 'x'])).toBe('TYPE må være a eller b');
    expect(refusal(['a', '{}', 'ekstra', '--db', 'x'])).toBe('For mange argumenter');
    expect(refusal(['a', '--db', 'x', '--db', 'y'])).toBe('Valget --db er gitt mer enn én gang');
    expect(refusal(['a', '--db', 'x', '--force=ja'])).toBe('Valget --force tar ingen verdi');
    expect(refusal(['a', '--db', 'x', '--year', '24'])).toBe('--year må være et årstall (ÅÅÅÅ)');
    expect(refusal(['a', '--db', 'x', '--seed', '10'])).toBe('--seed må være et heltall fra 0 til 9');
    expect(refusal(['a', '--db', 'x', '--from', '31.02.2024'])).toBe('--from må være en dato (dd.mm.åååå eller åååå-mm-dd)');
  });

  it('answers --help or -h anywhere, before any other rule', () => {
    expect(parseCommandLine(copy, ['--help'])).toEqual({ help: true });
    expect(parseCommandLine(copy, ['c', '--ukjent', '-h'])).toEqual({ help: true });
  });
});

describe('the help', () => {
  it('is written from the declaration: synopsis, arguments and every option with its description', () => {
    expect(synopsis(copy)).toBe('copy a|b [JSON] --db FIL [--year ÅÅÅÅ] [--seed N] [--from DATO] [--sheet NAVN …] [--force]');
    const help = commandUsage(copy);
    for (const line of ['--db FIL', 'Databasefilen', '--sheet NAVN', '--force', 'Erstatt', '-h, --help']) expect(help).toContain(line);
  });

  it.each(COMMANDS.map((command) => [command.spec.name, command.spec] as const))(
    '%s: the help names every option, and no argument shares a name with an option',
    (_name, spec) => {
      const help = commandUsage(spec);
      for (const [name, option] of Object.entries(spec.options)) {
        expect(help).toContain(`--${name}`);
        expect(help).toContain(option.description);
      }
      expect(usage(COMMANDS.map((c) => c.spec))).toContain(synopsis(spec));
      const optionNames = new Set(Object.keys(spec.options));
      expect(spec.positionals.filter((p) => optionNames.has(p.name))).toEqual([]);
    },
  );
});
