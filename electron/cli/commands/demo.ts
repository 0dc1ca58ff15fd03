import { existsSync, statSync } from 'node:fs';
import { createDemoData, DemoError, lastCompleteYear } from '../demo/createDemoData';
import { FIRST_DEMO_YEAR } from '../demo/profile';
import { DEMO_PASSWORD } from '../demo/staff';
import type { CommandArgs } from '../command';
import { DEFAULT_DEMO_SEED, type demoSpec } from '../commandSpecs';
import { removeDatabaseFiles, thisPc, withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError, type CliIo } from '../io';

/** A database file is only replaced when asked to: it may be someone's real data. */
function prepareTarget(path: string, force: boolean): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliFailure(`${path} finnes allerede og er ikke en fil.`);
  if (stat.size > 0 && !force) {
    throw new CliFailure(`${path} finnes allerede og er ikke tom. Bruk --force for å erstatte den med demodata.`);
  }
  removeDatabaseFiles(path);
}

export async function runDemo(args: CommandArgs<typeof demoSpec>, io: CliIo): Promise<number> {
  const path = args.db;
  const lastYear = lastCompleteYear(io.now());
  const toYear = args.year ?? lastYear;
  if (toYear < FIRST_DEMO_YEAR || toYear > lastYear) {
    throw new UsageError(`--year må være mellom ${FIRST_DEMO_YEAR} og ${lastYear} (demodata lages bare for hele år som er over)`);
  }
  const seed = args.seed ?? DEFAULT_DEMO_SEED;

  prepareTarget(path, args.force);
  const started = performance.now();
  let summary;
  try {
    summary = await withCliDatabase(path, (db) => createDemoData({ db }, { toYear, seed }), { create: true, pc: thisPc(args.vitnemappe, io) });
  } catch (error) {
    // Nothing was written (one transaction), but the new file would be left with an empty schema.
    removeDatabaseFiles(path);
    if (error instanceof DemoError) throw new CliFailure(error.message);
    throw error;
  }
  printJson(io, { database: path, ...summary });
  const seconds = ((performance.now() - started) / 1000).toLocaleString('nb-NO', { maximumFractionDigits: 1 });
  io.err(`Demodatabasen er laget på ${seconds} s. Logg inn som ragnhild.aasen (administrator) med passordet «${DEMO_PASSWORD}».`);
  return EXIT.ok;
}
