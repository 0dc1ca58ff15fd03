import type { ChannelParsedInput, FileDto, StatisticsTableDto, TableValue } from '@shared/contract';
import { calendarYearOf, caseTable, costTable } from './caseTablesExport';
import { transaction } from '../../db/exec';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { AuditedField } from '@shared/contract/auditedFields';
import type { SignedInContext } from '../context';
import { familiarTable } from './familiarTables';
import { periodRange } from './period';
import { pivot } from './pivot';
import { safeFileName, tablesWorkbookFile } from './xlsxTable';

/**
 * The table the user sees, built again on the server from the same choice (so the file holds what the
 * database says, not what a page sent), written to .xlsx. One audit row names what was exported, never
 * the figures.
 */
export async function exportStatisticsTable(ctx: SignedInContext, input: ChannelParsedInput<'statistics:export-table'>): Promise<FileDto> {
  let table: StatisticsTableDto<TableValue>;
  let fields: AuditedField<'statistics:export-table'>[];
  if (input.pivot) {
    table = (await pivot(ctx, { period: input.period, ...input.pivot })).table;
    fields = ['period', 'rows', 'columns', 'measure'];
  } else if (input.caseTable) {
    table = await caseTable(ctx, input.period, input.caseTable);
    fields = ['caseTable', 'period'];
  } else if (input.costTable) {
    table = await costTable(ctx, calendarYearOf(input.period), input.costTable);
    fields = ['costTable', 'period'];
  } else {
    const { label } = periodRange(input.period);
    const found = await familiarTable(ctx, input.period, input.familiarTable!);
    table = { ...found.table, title: `${found.title} ${label}` };
    fields = ['period', 'familiarTable'];
  }
  transaction(ctx.db, () => recordAuditSync(ctx, 'export', 'statistics_export', null, auditedFields('statistics:export-table', fields)));
  return tablesWorkbookFile(safeFileName(`${table.title}.xlsx`), [{ table, sheetName: 'Tabell' }]);
}
