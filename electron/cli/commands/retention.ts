import type { RetentionPreviewDto } from '@shared/contract';
import { createDispatcher } from '../../services/dispatcher';
import { PASSWORD_ENV, signInFromEnvironment } from '../actorSignIn';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { EXIT, printJson, UsageError, type CliIo } from '../io';

function fail(io: CliIo, result: { ok: false; error: { message: string } }): number {
  printJson(io, result);
  io.err(`Feil: ${result.error.message}`);
  return EXIT.failed;
}

/** The same preview and run as Innstillinger → Oppbevaring, through the dispatcher (administrator, audited). */
export const retentionCommand: CliCommand = {
  name: 'retention',
  synopsis: 'retention --db FIL --actor BRUKERNAVN [--dry-run]',
  description: [
    'Reduserer avsluttede saker som er eldre enn oppbevaringstiden til statistikk, og komprimerer filen.',
    '--dry-run viser bare hva som ville blitt fjernet. --actor må være administrator; passordet leses',
    `fra miljøvariabelen ${PASSWORD_ENV}.`,
  ],
  options: { db: { type: 'string' }, actor: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const path = stringOption(args, 'db');
    if (!path) throw new UsageError('Mangler --db FIL');
    const actor = stringOption(args, 'actor');
    if (!actor) throw new UsageError('Mangler --actor BRUKERNAVN (en administrator)');
    const db = await openCliDatabase(path);
    try {
      const dispatcher = createDispatcher({ db });
      const signIn = signInFromEnvironment(dispatcher, actor);
      if (!signIn.ok) return fail(io, signIn);
      const preview = dispatcher.dispatch('retention:preview', {});
      if (!preview.ok) return fail(io, preview);
      const plan = preview.value as RetentionPreviewDto;
      if (args.values['dry-run'] === true || plan.cases.length === 0) {
        printJson(io, plan);
        io.err(plan.cases.length === 0 ? 'Ingen saker er forfalt.' : `${plan.cases.length} saker ville blitt redusert (--dry-run: ingenting endret).`);
        return EXIT.ok;
      }
      const run = dispatcher.dispatch('retention:run', { caseIds: plan.cases.map((c) => c.id) });
      if (!run.ok) return fail(io, run);
      printJson(io, run.value);
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
