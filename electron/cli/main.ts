import { parseArgs } from 'node:util';
import type { CliCommand, ParsedArgs } from './command';
import { backupCommand, restoreCommand, verifyCommand } from './commands/backups';
import { annualReportCommand } from './commands/annualReport';
import { callCommand } from './commands/call';
import { channelsCommand } from './commands/channels';
import { demoCommand } from './commands/demo';
import { documentCommand } from './commands/document';
import { auditCommand } from './commands/audit';
import { exportTimesheetCommand } from './commands/exportTimesheet';
import { importTimesheetCommand } from './commands/importTimesheet';
import { retentionCommand } from './commands/retention';
import { setPasswordCommand } from './commands/setPassword';
import { statsCommand } from './commands/stats';
import { CliFailure, EXIT, UsageError, type CliIo } from './io';
import { commandUsage, usage } from './usage';

export const COMMANDS: readonly CliCommand[] = [
  demoCommand,
  callCommand,
  channelsCommand,
  importTimesheetCommand,
  exportTimesheetCommand,
  documentCommand,
  annualReportCommand,
  statsCommand,
  backupCommand,
  restoreCommand,
  verifyCommand,
  auditCommand,
  retentionCommand,
  setPasswordCommand,
];

const HELP = ['--help', '-h', 'help'];

/** node:util's parse errors, in Norwegian. */
function parseError(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const option = error instanceof Error ? /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] : undefined;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`Ukjent valg: ${option ?? ''}`.trim());
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(option ? `Valget ${option} mangler verdi eller har feil type` : 'Et valg mangler verdi');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError('For mange argumenter');
    default:
      return new UsageError('Kunne ikke lese argumentene');
  }
}

function parseCommandArgs(command: CliCommand, argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw parseError(error);
  }
  const values = parsed.values as ParsedArgs['values'];
  if (values.help) return { values, positionals: parsed.positionals };
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min) throw new UsageError('Mangler argument');
  if (parsed.positionals.length > max) throw new UsageError('For mange argumenter');
  return { values, positionals: parsed.positionals };
}

/** Runs one command line and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP.includes(name)) {
    io.out(usage(COMMANDS));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Ukjent kommando: ${name.slice(0, 40)}\n`);
    io.err(usage(COMMANDS));
    return EXIT.usage;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(commandUsage(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      io.err(commandUsage(command));
      return EXIT.usage;
    }
    if (error instanceof CliFailure) {
      io.err(error.message);
      return EXIT.failed;
    }
    // Name and code only: a message from deeper down can quote data.
    const code = (error as { code?: unknown }).code;
    io.err(`Uventet feil: ${error instanceof Error ? error.name : typeof error}${typeof code === 'string' ? ` (${code})` : ''}`);
    if (process.env.ETTERVERN_DEBUG && error instanceof Error) io.err(error.stack ?? '');
    return EXIT.failed;
  }
}
