import { sql } from 'kysely';
import type { ChannelParsedInput } from '@shared/contract';
import type { FileDto } from '@shared/contract/common';
import { MAX_EXPORT_ROWS } from '@shared/contract/timeEntries';
import { isoDateInOslo } from '@shared/dates';
import { prepare, transaction } from '../../db/exec';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { entryQuery } from '../timeEntries/read';
import { applyFilter } from '../timeEntries/list';
import { CSV_MIME, writeXlsx } from './sheetFiles';

interface ExportRow {
  entry_date: string;
  case_code: string | null;
  municipality_name: string;
  category_name: string;
  minutes: number;
  participants: string | null;
}

/** The five columns of the old time sheet, so the team's pivot tables keep working, plus who took part. */
const HEADERS = ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk', 'Deltakere'] as const;

function* exportRows(ctx: ServiceContext, filter: ChannelParsedInput<'time-entries:export'>['filter']): Generator<ExportRow> {
  const query = entryQuery(ctx)
    .select(
      sql<string | null>`(select group_concat(initials, ', ') from (select m2.initials from time_entry_participants p2
        join team_members m2 on m2.id = p2.team_member_id where p2.time_entry_id = t.id order by m2.initials))`.as('participants'),
    )
    .where(applyFilter(ctx.db, filter))
    .orderBy('t.entry_date')
    .orderBy('t.id')
    .compile();
  yield* prepare(ctx.db, query.sql).iterate(...(query.parameters as unknown[])) as IterableIterator<ExportRow>;
}

function countRows(ctx: ServiceContext, filter: ChannelParsedInput<'time-entries:export'>['filter']): number {
  const query = ctx.db.kysely
    .selectFrom('time_entries as t')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(applyFilter(ctx.db, filter))
    .compile();
  return (prepare(ctx.db, query.sql).get(...(query.parameters as unknown[])) as { n: number }).n;
}

function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Semicolons and decimal commas: what Excel in Norwegian opens correctly with a double-click. */
function csvField(value: string): string {
  // A field starting with = + - @ would be run as a formula when opened; a leading ' keeps it text.
  const text = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[;"\n\r]/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(rows: Iterable<ExportRow>): string {
  const lines = [HEADERS.join(';')];
  for (const r of rows) {
    const [y, m, d] = r.entry_date.split('-');
    const hours = String(r.minutes / 60).replace('.', ',');
    lines.push([r.case_code ?? '', `${d}.${m}.${y}`, r.municipality_name, r.category_name, hours, r.participants ?? ''].map(csvField).join(';'));
  }
  // The BOM tells Excel the file is UTF-8, so æ, ø and å survive.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Every entry matching the list's filter, as .xlsx or .csv. One audit row names the export, not its content. */
export async function exportTimeEntries(ctx: SignedInContext, input: ChannelParsedInput<'time-entries:export'>): Promise<FileDto> {
  const count = countRows(ctx, input.filter);
  if (count > MAX_EXPORT_ROWS) throw new ServiceError('validation', 'For mange registreringer til én fil: avgrens filteret (for eksempel til ett år)');
  const stamp = isoDateInOslo(ctx.clock.now());
  const fileName = `Timer ${stamp}.${input.format}`;
  transaction(ctx.db, () =>
    recordAuditSync(
      ctx,
      'export',
      'time_entry_export',
      null,
      auditedFields(
        'time-entries:export',
        (Object.keys(input.filter) as (keyof typeof input.filter)[]).filter((k) => input.filter[k] !== undefined),
      ),
    ),
  );
  if (input.format === 'csv') {
    return { fileName, mimeType: CSV_MIME, contentBase64: Buffer.from(toCsv(exportRows(ctx, input.filter)), 'utf8').toString('base64') };
  }
  const rows = (function* () {
    for (const r of exportRows(ctx, input.filter)) {
      yield [r.case_code, excelDate(r.entry_date), r.municipality_name, r.category_name, r.minutes / 60, r.participants];
    }
  })();
  return writeXlsx(fileName, {
    name: 'Timer',
    columns: [
      { header: HEADERS[0], width: 12 },
      { header: HEADERS[1], width: 12, numFmt: 'dd.mm.yyyy' },
      { header: HEADERS[2], width: 16 },
      { header: HEADERS[3], width: 28 },
      { header: HEADERS[4], width: 10, numFmt: '0.0' },
      { header: HEADERS[5], width: 14 },
    ],
    rows,
  });
}
