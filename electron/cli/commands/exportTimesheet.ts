import { existsSync, writeFileSync } from 'node:fs';
import type { FileDto } from '@shared/contract';
import { isIsoDate, parseNorwegianDate } from '@shared/dates';
import { createDispatcher } from '../../services/dispatcher';
import { cliActor } from '../cliActor';
import type { CliCommand, ParsedArgs } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import type { AppDatabase } from '../../db/open';
import { CliFailure, EXIT, printJson, UsageError } from '../io';

function dateOption(args: ParsedArgs, name: string): string | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const iso = parseNorwegianDate(text);
  if (!iso || !isIsoDate(iso)) throw new UsageError(`--${name} må være en dato (dd.mm.åååå eller åååå-mm-dd)`);
  return iso;
}

function lookupId(db: AppDatabase, sql: string, value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const row = db.sqlite.prepare(sql).get(value) as { id: number } | undefined;
  if (!row) throw new UsageError(`Ukjent ${what}`);
  return row.id;
}

export const exportTimesheetCommand: CliCommand = {
  name: 'export-timesheet',
  synopsis: 'export-timesheet --db FIL --out FIL.xlsx|FIL.csv [--from DATO] [--to DATO] [--case KODE] [--municipality NAVN] [--category NR] [--member BRUKERNAVN]',
  description: [
    'Eksporterer registreringene som passer filteret, med kolonnene Sak, Dato, Kommune, Hendelse,',
    'Tidsbruk og Deltakere, så de gamle pivottabellene fortsatt virker. Formatet følger filendelsen.',
    'En fil som finnes fra før, blir ikke overskrevet.',
  ],
  options: {
    db: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    case: { type: 'string' },
    municipality: { type: 'string' },
    category: { type: 'string' },
    member: { type: 'string' },
    actor: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const path = stringOption(args, 'db');
    const out = stringOption(args, 'out');
    if (!path) throw new UsageError('Mangler --db FIL');
    if (!out) throw new UsageError('Mangler --out FIL.xlsx');
    const format = /\.csv$/iu.test(out) ? 'csv' : /\.xlsx$/iu.test(out) ? 'xlsx' : null;
    if (!format) throw new UsageError('--out må slutte på .xlsx eller .csv');
    if (existsSync(out)) throw new CliFailure(`${out} finnes allerede.`);
    const db = await openCliDatabase(path);
    try {
      const filter = {
        from: dateOption(args, 'from'),
        to: dateOption(args, 'to'),
        caseCode: stringOption(args, 'case'),
        municipalityId: lookupId(db, 'select id from municipalities where nb_fold(name) = nb_fold(?)', stringOption(args, 'municipality'), 'kommune'),
        categoryId: lookupId(db, 'select id from categories where number = cast(? as integer)', stringOption(args, 'category'), 'hendelse'),
        teamMemberId: lookupId(db, 'select id from team_members where username = ?', stringOption(args, 'member'), 'teammedlem'),
      };
      const dispatcher = createDispatcher({ db, session: { actor: cliActor(db, stringOption(args, 'actor')) } });
      const result = await dispatcher.dispatchAsync('time-entries:export', { format, filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) });
      if (!result.ok) throw new CliFailure(`Feil: ${result.error.message}`);
      const file = result.value as FileDto;
      const bytes = Buffer.from(file.contentBase64, 'base64');
      writeFileSync(out, bytes, { flag: 'wx' });
      printJson(io, { out, format, bytes: bytes.length });
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
