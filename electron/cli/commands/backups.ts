import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DatabaseOpenError } from '../../db/errors';
import { checkDatabaseFile } from '../../db/integrity';
import { refuseNewerDatabase } from '../../db/open';
import { backupMigrations, writeVerifiedCopy } from '../../services/backups/backupFile';
import { ServiceError } from '../../services/errors/serviceError';
import type { CliCommand, ParsedArgs } from '../command';
import { stringOption } from '../command';
import { CliFailure, EXIT, printJson, UsageError } from '../io';

function requiredPath(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (!value) throw new UsageError(`Mangler --${name} FIL`);
  return value;
}

function mustExist(path: string): void {
  if (!existsSync(path)) throw new CliFailure(`Fant ikke ${path}.`);
}

/** ServiceError carries a Norwegian message already; the command line shows it as a refusal. */
async function asCliFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError || error instanceof DatabaseOpenError) throw new CliFailure(error.message);
    throw error;
  }
}

/** Read-only: a backup never changes the database, which the app may have open at the same time. */
async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await asCliFailure(() => writeVerifiedCopy(source, to));
  } finally {
    source.close();
  }
}

export const backupCommand: CliCommand = {
  name: 'backup',
  synopsis: 'backup --db FIL --out FIL',
  description: [
    'Tar en sikkerhetskopi av databasen med SQLites backup-funksjon (trygt mens appen kjører),',
    'kontrollerer den med integrity_check og skriver den til --out. En fil som finnes, erstattes ikke.',
  ],
  options: { db: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const db = requiredPath(args, 'db');
    const out = requiredPath(args, 'out');
    mustExist(db);
    if (existsSync(out)) throw new CliFailure(`${out} finnes allerede. Velg et annet filnavn.`);
    await copyDatabase(db, out);
    printJson(io, { out, ...checkDatabaseFile(out, 'full') });
    return EXIT.ok;
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  synopsis: 'restore --db FIL --from FIL',
  description: [
    'Henter fram sikkerhetskopien --from som databasen --db. Kopien kontrolleres først; en database som',
    'finnes, sikkerhetskopieres til FIL.foer-gjenoppretting-TIDSPUNKT.sqlite før den erstattes.',
  ],
  options: { db: { type: 'string' }, from: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const db = requiredPath(args, 'db');
    const from = requiredPath(args, 'from');
    mustExist(from);
    if (!checkDatabaseFile(from, 'full').ok) throw new CliFailure('Sikkerhetskopien er skadet og kan ikke hentes fram.');
    await asCliFailure(async () => refuseNewerDatabase(backupMigrations(from)));
    let safetyCopy: string | null = null;
    if (existsSync(db)) {
      safetyCopy = `${db}.foer-gjenoppretting-${io.now().toISOString().replace(/[:.]/g, '-')}.sqlite`;
      await copyDatabase(db, safetyCopy);
    }
    const source = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await source.backup(db);
    } catch {
      throw new CliFailure(`Gjenopprettingen feilet.${safetyCopy ? ` Databasen slik den var ligger i ${safetyCopy}.` : ''}`);
    } finally {
      source.close();
    }
    printJson(io, { db, from, safetyCopy, ...checkDatabaseFile(db, 'full') });
    return EXIT.ok;
  },
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  synopsis: 'verify --db FIL',
  description: [
    'Kontrollerer databasen (integrity_check og foreign_key_check) uten å endre den.',
    'Skriver resultatet som JSON; koden blir 1 hvis noe er galt.',
  ],
  options: { db: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const db = requiredPath(args, 'db');
    mustExist(db);
    const report = checkDatabaseFile(db, 'full');
    printJson(io, report);
    if (!report.ok) io.err('Databasen besto ikke kontrollen. Hent fram siste sikkerhetskopi (restore).');
    return report.ok ? EXIT.ok : EXIT.failed;
  },
};
