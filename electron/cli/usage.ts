import type { CliCommand } from './command';
import { EXIT } from './io';

function commandBlock(command: CliCommand): string {
  return [`  ${command.synopsis}`, ...command.description.map((line) => `      ${line}`)].join('\n');
}

export function usage(commands: readonly CliCommand[]): string {
  return [
    'Ettervern – kommandolinje',
    '',
    'Bruk:',
    '  npm run cli -- <kommando> [valg]',
    '  (npm run --silent cli -- … når utdata skal leses av et skript)',
    '',
    'Kommandoer:',
    commands.map(commandBlock).join('\n\n'),
    '',
    'Valg for alle kommandoer:',
    '  -h, --help   Vis hjelpen',
    '',
    'Avslutningskoder:',
    `  ${EXIT.ok}  utført`,
    `  ${EXIT.failed}  avvist eller feilet (feil fra kanalen, filen finnes allerede, databasen kan ikke åpnes)`,
    `  ${EXIT.usage}  feil bruk (ukjent kommando eller valg, ugyldig JSON, manglende argument)`,
    '',
  ].join('\n');
}

export function commandUsage(command: CliCommand): string {
  return ['Bruk:', commandBlock(command), ''].join('\n');
}
