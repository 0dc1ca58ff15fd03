import { createDispatcher } from '../../services/dispatcher';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { PASSWORD_ENV, signInFromEnvironment } from '../actorSignIn';
import { EXIT, printJson, UsageError, type CliIo } from '../io';

/** The payload argument. The error names the position only: the text itself may hold personal data. */
function parsePayload(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    const where = position === undefined ? '' : ` (feil ved tegn ${Number(position) + 1})`;
    throw new UsageError(`Argumentet er ikke gyldig JSON${where}. Eksempel: '{"year": 2020}'`);
  }
}

function printFailure(io: CliIo, result: { ok: false; error: { code: string; message: string } }): number {
  printJson(io, result);
  io.err(`Feil: ${result.error.message}`);
  if (result.error.code === 'unknown_channel') io.err('Se «channels» for alle kanaler.');
  return EXIT.failed;
}

export const callCommand: CliCommand = {
  name: 'call',
  synopsis: 'call KANAL [JSON] --db FIL [--actor BRUKERNAVN] [--create]',
  description: [
    'Kaller en kanal gjennom samme dispatcher som appen (validering, rettigheter, revisjonslogg).',
    'Skriver verdien som JSON. Ved feil skrives { "ok": false, "error": … } og koden blir 1.',
    `JSON er inndata til kanalen (standard: {}). --actor logger inn som teammedlemmet først, med`,
    `passordet fra miljøvariabelen ${PASSWORD_ENV} (aldri som argument).`,
    '--create lager databasefilen hvis den ikke finnes.',
  ],
  options: {
    db: { type: 'string' },
    actor: { type: 'string' },
    create: { type: 'boolean' },
  },
  positionals: { min: 1, max: 2 },
  async run(args, io) {
    const [channel, json] = args.positionals;
    const path = stringOption(args, 'db');
    if (!path) throw new UsageError('Mangler --db FIL');
    const payload = parsePayload(json);
    const db = await openCliDatabase(path, { create: args.values.create === true });
    try {
      const dispatcher = createDispatcher({
        db,
        reportError: (report) => io.err(`Uventet feil i ${report.channel} (${report.errorName}${report.sqliteCode ? `, ${report.sqliteCode}` : ''})`),
      });
      const actor = stringOption(args, 'actor');
      if (actor !== undefined) {
        const signIn = signInFromEnvironment(dispatcher, actor);
        if (!signIn.ok) return printFailure(io, signIn);
      }
      const result = await dispatcher.dispatchAsync(channel, payload);
      if (!result.ok) return printFailure(io, result);
      printJson(io, result.value);
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
