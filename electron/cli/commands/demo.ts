import { existsSync, rmSync, statSync } from 'node:fs';
import { createDemoData, DemoError, lastCompleteYear } from '../demo/createDemoData';
import { FIRST_DEMO_YEAR } from '../demo/profile';
import { DEMO_PASSWORD } from '../demo/staff';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError } from '../io';

const DEFAULT_SEED = 2020;
const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

function parseInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} må være et heltall`);
  return Number(text);
}

/** A database file is only replaced when asked to: it may be someone's real data. */
function prepareTarget(path: string, force: boolean): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliFailure(`${path} finnes allerede og er ikke en fil.`);
  if (stat.size > 0 && !force) {
    throw new CliFailure(`${path} finnes allerede og er ikke tom. Bruk --force for å erstatte den med demodata.`);
  }
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}

function removeDatabase(path: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}

export const demoCommand: CliCommand = {
  name: 'demo',
  synopsis: 'demo --db FIL [--year ÅÅÅÅ] [--seed N] [--force]',
  description: [
    `Lager en realistisk demodatabase: teamet, saker og timer fra ${FIRST_DEMO_YEAR} til og med --year`,
    '(standard: siste hele kalenderår). Samme --seed og --year gir nøyaktig samme innhold.',
    'En fil som finnes og ikke er tom, erstattes bare med --force. Skriver et sammendrag som JSON.',
    `Alle demobrukerne har passordet «${DEMO_PASSWORD}» (prosjektleder ragnhild.aasen er administrator).`,
  ],
  options: {
    db: { type: 'string' },
    year: { type: 'string' },
    seed: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const path = stringOption(args, 'db');
    if (!path) throw new UsageError('Mangler --db FIL');
    const lastYear = lastCompleteYear(io.now());
    const toYear = parseInteger(stringOption(args, 'year'), '--year') ?? lastYear;
    if (toYear < FIRST_DEMO_YEAR || toYear > lastYear) {
      throw new UsageError(`--year må være mellom ${FIRST_DEMO_YEAR} og ${lastYear} (demodata lages bare for hele år som er over)`);
    }
    const seed = parseInteger(stringOption(args, 'seed'), '--seed') ?? DEFAULT_SEED;
    if (seed > 0xffffffff) throw new UsageError('--seed må være mellom 0 og 4294967295');

    prepareTarget(path, args.values.force === true);
    const started = performance.now();
    const db = await openCliDatabase(path, { create: true });
    let summary;
    try {
      summary = createDemoData({ db }, { toYear, seed });
    } catch (error) {
      db.close();
      // Nothing was written (one transaction), but the new file would be left with an empty schema.
      removeDatabase(path);
      if (error instanceof DemoError) throw new CliFailure(error.message);
      throw error;
    }
    db.close();
    printJson(io, { database: path, ...summary });
    const seconds = ((performance.now() - started) / 1000).toLocaleString('nb-NO', { maximumFractionDigits: 1 });
    io.err(`Demodatabasen er laget på ${seconds} s. Logg inn som ragnhild.aasen (administrator) med passordet «${DEMO_PASSWORD}».`);
    return EXIT.ok;
  },
};
