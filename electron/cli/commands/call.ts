import { isChannelName, type ChannelName } from '@shared/contract';
import { createDispatcherCore } from '../../services/dispatcherCore';
import { loadHandlers } from '../../services/handlerLoaders';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { callSpec } from '../commandSpecs';
import { thisPc, withCliDatabase, witnessOptions } from '../database';
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
  const pc = thisPc(args.vitnemappe, io);
  // Only the domains this call needs: the channel's, and the sign-in's. An unknown channel loads none and is refused.
  const channels: ChannelName[] = isChannelName(args.channel) ? [args.channel] : [];
  if (args.actor !== undefined) channels.push('session:sign-in');
  const handlers = await loadHandlers(channels);
  const value = await withCliDatabase(
    args.db,
    async (db) => {
      const dispatcher = createDispatcherCore({
        db,
        handlers,
        // The dispatcher moves the witness after each write, and `audit:verify` checks it, as in the app.
        ...witnessOptions(pc),
        reportError: (report) => io.err(`Uventet feil i ${report.channel} (${report.errorName}${report.sqliteCode ? `, ${report.sqliteCode}` : ''})`),
      });
      if (args.actor !== undefined) await signIn(dispatcher, args.actor);
      return valueOf(await dispatcher.dispatchAsync(args.channel, payload));
    },
    { create: args.create, pc },
  );
  printJson(io, value);
  return EXIT.ok;
}
