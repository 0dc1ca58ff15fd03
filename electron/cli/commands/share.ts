import { createDispatcher } from '../../services/dispatcher';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { shareSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { EXIT, valueOf, type CliIo } from '../io';

/**
 * «Del databasen med teamet» from the command line: the same `database:share` as the app (administrator,
 * verified copy under the same file name, marked shared, audited). Prints the new path, which is what
 * colleagues are given for «Åpne delt database» or `--db`.
 */
export async function runShare(args: CommandArgs<typeof shareSpec>, io: CliIo): Promise<number> {
  return withCliDatabase(
    args.db,
    async (db) => {
      const dispatcher = createDispatcher({ db });
      await signIn(dispatcher, args.actor);
      const shared = valueOf<{ path: string }>(await dispatcher.dispatchAsync('database:share', { folder: args.to }));
      io.out(`${shared.path}\n`);
      io.err('Databasen er delt. Gi stien over til kollegene; de åpner den med «Åpne delt database» (eller --db).');
      return EXIT.ok;
    },
    { pc: thisPc(args.vitnemappe, io) },
  );
}
