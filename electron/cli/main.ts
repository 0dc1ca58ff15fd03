import { ChannelRefusal, CliFailure, EXIT, printJson, UsageError, type CliIo } from './io';
import { parseCommandLine } from './parseArguments';
import { COMMANDS } from './registry';
import { refuseServerAddressForFile } from './serverAddress';
import { commandUsage, usage } from './usage';

const HELP = ['--help', '-h', 'help'];

function printRefusal(io: CliIo, error: CliFailure): void {
  if (error instanceof ChannelRefusal) printJson(io, { ok: false, error: error.refusal });
  io.err(error.message);
  if (error instanceof ChannelRefusal && error.refusal.code === 'unknown_channel') io.err('Se «channels» for alle kanaler.');
}

/** Runs one command line and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const specs = COMMANDS.map((command) => command.spec);
  if (name === undefined || HELP.includes(name)) {
    io.out(usage(specs));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    io.err(`Ukjent kommando: ${name.slice(0, 40)}\n`);
    io.err(usage(specs));
    return EXIT.usage;
  }
  try {
    const parsed = parseCommandLine(command.spec, rest);
    if (parsed.help) {
      io.out(commandUsage(command.spec));
      return EXIT.ok;
    }
    refuseServerAddressForFile(command.spec, parsed.args);
    const run = await command.load();
    return await run(parsed.args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      io.err(commandUsage(command.spec));
      return EXIT.usage;
    }
    if (error instanceof CliFailure) {
      printRefusal(io, error);
      return EXIT.failed;
    }
    // Name and code only: a message from deeper down can quote data.
    const code = (error as { code?: unknown }).code;
    io.err(`Uventet feil: ${error instanceof Error ? error.name : typeof error}${typeof code === 'string' ? ` (${code})` : ''}`);
    if (process.env.ETTERVERN_DEBUG && error instanceof Error) io.err(error.stack ?? '');
    return EXIT.failed;
  }
}
