import { schemaVersion } from '../../db/sharing';
import type { CommandArgs } from '../command';
import type { upgradeSpec } from '../commandSpecs';
import { openCliDatabase } from '../database';
import { EXIT, type CliIo } from '../io';

/**
 * Opening migrates; this command only opens, so an administrator can upgrade the shared file at a
 * moment agreed with the team — and, with --force, while someone has forgotten Ettervern running.
 */
export async function runUpgrade(args: CommandArgs<typeof upgradeSpec>, io: CliIo): Promise<number> {
  const db = await openCliDatabase(args.db, { upgradeDespiteOthers: args.force });
  try {
    io.err(`Databasen er oppdatert (skjemaversjon ${schemaVersion(db.sqlite)}).`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
