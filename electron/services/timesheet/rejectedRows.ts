import type { FileDto } from '@shared/contract/common';
import type { ImportRejectionDto } from '@shared/contract/timesheet';
import { cellsAt } from './packedRows';
import { cellText } from './rowValues';
import { writeXlsx, type SheetValue } from './sheetFiles';
import type { ParsedWorkbook, RawCell } from './types';

function original(cell: RawCell): SheetValue {
  if (cell === null || typeof cell === 'number' || typeof cell === 'string') return cell;
  return cellText(cell);
}

/**
 * The rejected rows with the five columns as they were read, plus where they came from and why, so
 * they can be fixed in Excel and imported again (the extra columns are ignored on import).
 */
export function rejectedRowsSheet(fileName: string, workbook: ParsedWorkbook, rejected: readonly ImportRejectionDto[]): Promise<FileDto> {
  const sheets = new Map(workbook.sheets.map((s) => [s.name, { rows: s.rows, indexByRow: new Map(Array.from(s.rows.rowNumbers, (n, i) => [n, i])) }]));
  const rows = rejected.map((r) => {
    const sheet = sheets.get(r.sheet);
    const index = sheet?.indexByRow.get(r.row);
    const cells = sheet && index !== undefined ? cellsAt(sheet.rows, index) : [null, null, null, null, null];
    return [...cells.map(original), r.sheet, r.row, r.reason];
  });
  const base = fileName.replace(/\.xlsx$/iu, '').slice(0, 80);
  return writeXlsx(`${base} – avviste rader.xlsx`, {
    name: 'Avviste rader',
    columns: [
      { header: 'Sak', width: 12 },
      { header: 'Dato', width: 12 },
      { header: 'Kommune', width: 16 },
      { header: 'Hendelse', width: 26 },
      { header: 'Tidsbruk', width: 10 },
      { header: 'Ark', width: 14 },
      { header: 'Rad', width: 6 },
      { header: 'Årsak', width: 50 },
    ],
    rows,
  });
}
