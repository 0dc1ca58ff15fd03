import { existsSync, writeFileSync } from 'node:fs';
import type { FileDto } from '@shared/contract';
import { createDispatcher } from '../../services/dispatcher';
import type { AppDatabase } from '../../db/open';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { exportTimesheetSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError, valueOf, type CliIo } from '../io';

function lookupId(db: AppDatabase, sql: string, value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const row = db.sqlite.prepare(sql).get(value) as { id: number } | undefined;
  if (!row) throw new UsageError(`Ukjent ${what}`);
  return row.id;
}

export async function runExportTimesheet(args: CommandArgs<typeof exportTimesheetSpec>, io: CliIo): Promise<number> {
  const { out } = args;
  const format = /\.csv$/iu.test(out) ? 'csv' : /\.xlsx$/iu.test(out) ? 'xlsx' : null;
  if (!format) throw new UsageError('--out må slutte på .xlsx eller .csv');
  if (existsSync(out)) throw new CliFailure(`${out} finnes allerede.`);
  const file = await withCliDatabase(
    args.db,
    async (db) => {
      const filter = {
        from: args.from,
        to: args.to,
        caseCode: args.case,
        municipalityId: lookupId(db, 'select id from municipalities where nb_fold(name) = nb_fold(?)', args.municipality, 'kommune'),
        categoryId: lookupId(db, 'select id from categories where number = cast(? as integer)', args.category, 'hendelse'),
        teamMemberId: lookupId(db, 'select id from team_members where username = ?', args.member, 'teammedlem'),
      };
      const dispatcher = createDispatcher({ db });
      await signIn(dispatcher, args.actor);
      return valueOf<FileDto>(
        await dispatcher.dispatchAsync('time-entries:export', {
          format,
          filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
        }),
      );
    },
    { pc: thisPc(args.vitnemappe, io) },
  );
  const bytes = Buffer.from(file.contentBase64, 'base64');
  writeFileSync(out, bytes, { flag: 'wx' });
  printJson(io, { out, format, bytes: bytes.length });
  return EXIT.ok;
}
