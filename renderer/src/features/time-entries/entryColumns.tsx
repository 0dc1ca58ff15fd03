import { createColumnHelper } from '@tanstack/react-table';
import type { TimeEntryDto, TimeEntrySortField } from '@shared/contract';
import { formatHours, formatNorwegianDate } from '@shared/format';
import type { ColumnMeta } from '@renderer/components/DataTable';
import { VisuallyHidden } from '@renderer/components/VisuallyHidden';
import { EntryActions } from './EntryActions';
import { entryMeta } from './entryTableMeta';

const column = createColumnHelper<TimeEntryDto>();

/** Column id → the service's sort field; the list is sorted by SQLite, over every page. */
export const SORT_FIELD_BY_COLUMN: Record<string, TimeEntrySortField> = {
  date: 'date',
  caseCode: 'caseCode',
  municipality: 'municipality',
  category: 'category',
  minutes: 'minutes',
};

export const entryColumns = [
  column.accessor('date', {
    header: 'Dato',
    cell: (info) => formatNorwegianDate(info.getValue()),
    sortDescFirst: true,
    meta: { width: '110px' } satisfies ColumnMeta,
  }),
  column.accessor('caseCode', {
    header: 'Sak',
    cell: (info) => info.getValue() ?? '–',
    meta: { width: '110px' } satisfies ColumnMeta,
  }),
  column.accessor('municipalityName', {
    id: 'municipality',
    header: 'Kommune',
    // An entry on another municipality than its case's says why, where the figures are read.
    cell: (info) => {
      const reason = info.row.original.municipalityOverrideReason;
      return reason ? (
        <span title={`Annen kommune enn sakens: ${reason}`}>
          {info.getValue()} <em>(annen enn sakens: {reason})</em>
        </span>
      ) : (
        info.getValue()
      );
    },
    meta: { width: '150px' } satisfies ColumnMeta,
  }),
  column.accessor((row) => `${row.categoryNumber} ${row.categoryName}`, { id: 'category', header: 'Hendelse' }),
  column.accessor('minutes', {
    // One registrering's duration, the same word as the form's field (the old sheet's «Tidsbruk»); «Timer» is for sums.
    header: 'Tidsbruk',
    cell: (info) => formatHours(info.getValue()),
    sortDescFirst: true,
    meta: { numeric: true, width: '80px' } satisfies ColumnMeta,
  }),
  column.accessor((row) => row.participants.map((p) => p.initials).join(', '), {
    id: 'participants',
    header: 'Deltakere',
    enableSorting: false,
    meta: { width: '120px' } satisfies ColumnMeta,
  }),
  column.display({
    id: 'actions',
    header: () => <VisuallyHidden>Handlinger</VisuallyHidden>,
    cell: (info) => <EntryActions entry={info.row.original} meta={entryMeta(info.table)} />,
    meta: { width: '96px' } satisfies ColumnMeta,
  }),
];
