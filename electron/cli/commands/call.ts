import { createDispatcher } from '../../services/dispatcher';
import { keyFromFile } from '../../services/audit/witnessKeyFile';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import { WITNESS_DIR_ENV, type callSpec } from '../commandSpecs';
import { withCliDatabase } from '../database';
import { EXIT, printJson, UsageError, valueOf, type CliIo } from '../io';

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

export async function runCall(args: CommandArgs<typeof callSpec>, io: CliIo): Promise<number> {
  const payload = parsePayload(args.payload);
  // A write through the command line moves this PC's signed witness of the audit log's head, as the app's
  // writes do; otherwise a tail cut back to the head before a command-line write would pass `audit verify`.
  const witnessDir = args.vitnemappe ?? (process.env[WITNESS_DIR_ENV]?.trim() || undefined);
  const value = await withCliDatabase(
    args.db,
    async (db) => {
      const dispatcher = createDispatcher({
        db,
        ...(witnessDir ? { userDataDir: witnessDir, witnessKey: keyFromFile(witnessDir) } : {}),
        reportError: (report) => io.err(`Uventet feil i ${report.channel} (${report.errorName}${report.sqliteCode ? `, ${report.sqliteCode}` : ''})`),
      });
      if (args.actor !== undefined) signIn(dispatcher, args.actor);
      return valueOf(await dispatcher.dispatchAsync(args.channel, payload));
    },
    { create: args.create },
  );
  printJson(io, value);
  return EXIT.ok;
}
