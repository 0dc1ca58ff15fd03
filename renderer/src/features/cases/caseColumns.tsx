import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import type { CaseDto } from '../../../../shared/contract';
import { CASE_STATUS_LABEL } from '../../../../shared/domain/caseStatus';
import { compareNorwegian, formatHours, formatNorwegianDate } from '../../../../shared/format';
import type { ColumnMeta } from '../../components/DataTable';

const column = createColumnHelper<CaseDto>();

// «02/21-FA» must come after «11/20-ST»: compare year, then municipality code, then running number.
const byCaseCode: SortingFn<CaseDto> = (a, b) =>
  a.original.year - b.original.year ||
  compareNorwegian(a.original.code.slice(-2), b.original.code.slice(-2)) ||
  a.original.runningNumber - b.original.runningNumber;

const byText: SortingFn<CaseDto> = (a, b, id) => compareNorwegian(String(a.getValue(id) ?? ''), String(b.getValue(id) ?? ''));

export const caseColumns = [
  column.accessor('code', {
    header: 'Saksnummer',
    sortingFn: byCaseCode,
    meta: { width: '140px' } satisfies ColumnMeta,
  }),
  column.accessor('municipalityName', { header: 'Kommune', sortingFn: byText }),
  column.accessor('referralDate', {
    header: 'Henvist',
    cell: (info) => {
      const value = info.getValue();
      return value ? formatNorwegianDate(value) : '–';
    },
    sortUndefined: 'last',
    meta: { width: '130px' } satisfies ColumnMeta,
  }),
  column.accessor((row) => CASE_STATUS_LABEL[row.status], { id: 'status', header: 'Status', sortingFn: byText }),
  column.accessor((row) => row.staff.map((s) => s.initials).join(', '), {
    id: 'staff',
    header: 'Ansatte',
    enableSorting: false,
    cell: (info) => <span title={info.row.original.staff.map((s) => s.displayName).join(', ')}>{info.getValue() || '–'}</span>,
  }),
  column.accessor('minutes', {
    header: 'Timer',
    cell: (info) => formatHours(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true, width: '100px' } satisfies ColumnMeta,
  }),
];
