import type { AuditExportDto, AuditFilter, ChannelParsedInput } from '@shared/contract';
import { auditActionLabel, auditRecordTypeLabel } from '@shared/domain/audit';
import { auditedFieldLabel } from '@shared/domain/auditFieldLabels';
import { formatNorwegianDateTime } from '@shared/format';
import { isoDateInOslo } from '@shared/dates';
import { transaction } from '../../db/exec';
import type { AppDatabase } from '../../db/open';
import { requireAdministrator } from '../session/actor';
import { loadExcelJs } from '../lazy/heavyModules';
import { auditedFields, recordAuditSync } from './recordAudit';
import { selectAuditEntries } from './log';
import type { SignedInContext } from '../context';

/** Far above what a team of five writes in a decade; a bound so one export cannot exhaust memory. */
const MAX_EXPORT_ROWS = 1_000_000;

/** The audit rows (filtered) as an .xlsx workbook: one sheet, Norwegian headers, newest first. */
export async function auditWorkbook(db: AppDatabase, filter: AuditFilter | undefined): Promise<{ buffer: Buffer; rows: number }> {
  const entries = selectAuditEntries(db, filter, MAX_EXPORT_ROWS, 0);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Ettervern';
  const sheet = workbook.addWorksheet('Revisjonslogg');
  sheet.columns = [
    { header: 'Nr.', key: 'id', width: 8 },
    { header: 'Tidspunkt', key: 'at', width: 18 },
    { header: 'Teammedlem', key: 'actor', width: 24 },
    { header: 'Handling', key: 'action', width: 22 },
    { header: 'Posttype', key: 'recordType', width: 18 },
    { header: 'Post-ID', key: 'recordId', width: 10 },
    { header: 'Sak', key: 'caseCode', width: 12 },
    { header: 'Felt som ble endret', key: 'fields', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const entry of entries) {
    sheet.addRow({
      id: entry.id,
      at: formatNorwegianDateTime(entry.at),
      actor: entry.actorName ?? '',
      action: auditActionLabel(entry.action),
      recordType: auditRecordTypeLabel(entry.recordType),
      recordId: entry.recordId ?? '',
      caseCode: entry.caseCode ?? '',
      fields: entry.fields.map(auditedFieldLabel).join(', '),
    });
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, rows: entries.length };
}

/** The export is itself audited, naming which filters were used (never their values). */
export async function exportAudit(ctx: SignedInContext, input: ChannelParsedInput<'audit:export'>): Promise<AuditExportDto> {
  requireAdministrator(ctx);
  const filter = input.filter ?? {};
  transaction(ctx.db, () => recordAuditSync(ctx, 'export', 'audit_log', null, auditedFields('audit:export', Object.keys(filter) as (keyof typeof filter)[])));
  const { buffer, rows } = await auditWorkbook(ctx.db, filter);
  return { fileName: `revisjonslogg-${isoDateInOslo(ctx.clock.now())}.xlsx`, contentBase64: buffer.toString('base64'), rows };
}
