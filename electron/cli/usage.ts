import type { CommandSpec, OptionSpec, PositionalSpec } from './command';
import { EXIT } from './io';

const HELP_LINE = { label: '-h, --help', description: 'Vis denne hjelpen' };

function positionalLabel(positional: PositionalSpec): string {
  const label = positional.choices ? positional.choices.join('|') : positional.placeholder;
  return positional.required ? label : `[${label}]`;
}

function optionLabel(name: string, option: OptionSpec): string {
  return 'flag' in option ? `--${name}` : `--${name} ${option.placeholder}`;
}

function optionInSynopsis(name: string, option: OptionSpec): string {
  const label = optionLabel(name, option);
  if ('flag' in option) return `[${label}]`;
  if (option.repeatable) return `[${label} …]`;
  return option.required ? label : `[${label}]`;
}

/** The command line as the help shows it, e.g. `demo --db FIL [--year ÅÅÅÅ] [--force]`. */
export function synopsis(spec: CommandSpec): string {
  return [spec.name, ...spec.positionals.map(positionalLabel), ...Object.entries(spec.options).map(([name, option]) => optionInSynopsis(name, option))].join(
    ' ',
  );
}

function commandBlock(spec: CommandSpec): string {
  return [`  ${synopsis(spec)}`, ...spec.description.map((line) => `      ${line}`)].join('\n');
}

function table(rows: readonly { label: string; description: string }[]): string {
  const width = Math.max(...rows.map((row) => row.label.length)) + 2;
  return rows.map((row) => `  ${row.label.padEnd(width)}${row.description}`).join('\n');
}

/** Every command with its synopsis and description; each command's own help lists its options. */
export function usage(specs: readonly CommandSpec[]): string {
  return [
    'Ettervern – kommandolinje',
    '',
    'Bruk:',
    '  npm run cli -- <kommando> [valg]',
    '  npm run cli -- <kommando> --help   (valgene til kommandoen)',
    '  (npm run --silent cli -- … når utdata skal leses av et skript)',
    '',
    'Kommandoer:',
    specs.map(commandBlock).join('\n\n'),
    '',
    'Valg for alle kommandoer:',
    table([HELP_LINE]),
    '',
    'Avslutningskoder:',
    `  ${EXIT.ok}  utført`,
    `  ${EXIT.failed}  avvist eller feilet (feil fra kanalen, innloggingen, filen finnes allerede, databasen kan ikke åpnes)`,
    `  ${EXIT.usage}  feil bruk (ukjent kommando eller valg, manglende verdi eller argument, ugyldig JSON)`,
    '',
  ].join('\n');
}

/** One command's help: synopsis, description, and a line for each argument and option. */
export function commandUsage(spec: CommandSpec): string {
  const argumentRows = spec.positionals.flatMap((p) => (p.description ? [{ label: positionalLabel(p), description: p.description }] : []));
  const optionRows = Object.entries(spec.options).map(([name, option]) => ({ label: optionLabel(name, option), description: option.description }));
  return [
    'Bruk:',
    commandBlock(spec),
    '',
    ...(argumentRows.length > 0 ? ['Argumenter:', table(argumentRows), ''] : []),
    'Valg:',
    table([...optionRows, HELP_LINE]),
    '',
  ].join('\n');
}
