import { createColumnHelper } from '@tanstack/react-table';
import type { CaseDto, CaseSortField } from '@shared/contract';
import { CASE_STATUS_LABEL } from '@shared/domain/caseStatus';
import { formatHours, formatNorwegianDate } from '@shared/format';
import { CaseLink } from '@renderer/components/CaseLink';
import type { ColumnMeta } from '@renderer/components/DataTable';

const column = createColumnHelper<CaseDto>();

/** Column id → the service's sort field: the list is sorted in SQL, a page at a time. */
export const SORT_FIELD_OF_COLUMN: Record<string, CaseSortField> = {
  code: 'code',
  municipalityName: 'municipality',
  referralDate: 'referralDate',
  status: 'status',
  minutes: 'minutes',
};

export const caseColumns = [
  column.accessor('code', {
    header: 'Sakskode',
    cell: (info) => <CaseLink id={info.row.original.id} code={info.getValue()} />,
    meta: { width: '140px' } satisfies ColumnMeta,
  }),
  column.accessor('municipalityName', { header: 'Kommune' }),
  column.accessor('referralDate', {
    header: 'Henvist',
    cell: (info) => {
      const value = info.getValue();
      return value ? formatNorwegianDate(value) : '–';
    },
    meta: { width: '130px' } satisfies ColumnMeta,
  }),
  column.accessor((row) => CASE_STATUS_LABEL[row.status], { id: 'status', header: 'Status' }),
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
