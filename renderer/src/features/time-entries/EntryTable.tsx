import { getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import type { TimeEntryDto } from '../../../../shared/contract';
import { DataTable } from '../../components/DataTable';
import { entryColumns } from './entryColumns';

interface EntryTableProps {
  rows: TimeEntryDto[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}

/** One page of entries; sorting is done by the service so it covers every page, not just this one. */
export function EntryTable({ rows, sorting, onSortingChange }: EntryTableProps) {
  const table = useReactTable({
    data: rows,
    columns: entryColumns,
    state: { sorting },
    manualSorting: true,
    // Text ascending first, also when the list is empty (TanStack would guess from the first row).
    sortDescFirst: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });
  return <DataTable table={table} ariaLabel="Registreringer" emptyText="Ingen timer registrert ennå." />;
}
