import type { RetentionPreviewDto } from '@shared/contract';
import { createDispatcher } from '../../services/dispatcher';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { retentionSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { EXIT, printJson, valueOf, type CliIo } from '../io';

/** The same preview and run as Innstillinger → Oppbevaring, through the dispatcher (administrator, audited). */
export async function runRetention(args: CommandArgs<typeof retentionSpec>, io: CliIo): Promise<number> {
  return withCliDatabase(
    args.db,
    async (db) => {
      const dispatcher = createDispatcher({ db });
      await signIn(dispatcher, args.actor);
      const plan = valueOf<RetentionPreviewDto>(dispatcher.dispatch('retention:preview', {}));
      if (args['dry-run'] || plan.cases.length === 0) {
        printJson(io, plan);
        io.err(plan.cases.length === 0 ? 'Ingen saker er forfalt.' : `${plan.cases.length} saker ville blitt redusert (--dry-run: ingenting endret).`);
        return EXIT.ok;
      }
      printJson(io, valueOf(await dispatcher.dispatchAsync('retention:run', { caseIds: plan.cases.map((c) => c.id) })));
      return EXIT.ok;
    },
    { pc: thisPc(args.vitnemappe, io) },
  );
}
