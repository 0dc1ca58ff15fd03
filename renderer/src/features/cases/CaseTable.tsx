import { getCoreRowModel, useReactTable, type OnChangeFn, type SortingState } from '@tanstack/react-table';
import type { CaseDto } from '@shared/contract';
import { DataTable } from '@renderer/components/DataTable';
import { caseColumns } from './caseColumns';

/** One page of cases; sorting is done by the service, so the table only reports what was clicked. */
export function CaseTable({
  cases,
  emptyText,
  sorting,
  onSortingChange,
}: {
  cases: CaseDto[];
  emptyText: string;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
}) {
  const table = useReactTable({
    data: cases,
    columns: caseColumns,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    // Text ascending first, also when the list is empty (TanStack would guess from the first row).
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });
  return <DataTable table={table} ariaLabel="Saker" emptyText={emptyText} />;
}
