import { schemaVersion } from '../../db/sharing';
import type { CommandArgs } from '../command';
import type { upgradeSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { EXIT, type CliIo } from '../io';

/**
 * Opening migrates; this command only opens, so an administrator can upgrade the shared file at a
 * moment agreed with the team — and, with --force, while someone has forgotten Ettervern running.
 */
export async function runUpgrade(args: CommandArgs<typeof upgradeSpec>, io: CliIo): Promise<number> {
  const version = await withCliDatabase(args.db, (db) => schemaVersion(db.sqlite), { upgradeDespiteOthers: args.force, pc: thisPc(args.vitnemappe, io) });
  io.err(`Databasen er oppdatert (skjemaversjon ${version}).`);
  return EXIT.ok;
}
