import { getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { CaseDto } from '../../../../shared/contract';
import { DataTable } from '../../components/DataTable';
import { caseColumns } from './caseColumns';

export function CaseTable({ cases, emptyText }: { cases: CaseDto[]; emptyText: string }) {
  // No sort chosen means the service's own order: newest year first, municipalities in the team's order.
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: cases,
    columns: caseColumns,
    state: { sorting },
    onSortingChange: setSorting,
    // Text ascending first, also when the list is empty (TanStack would guess from the first row).
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => String(row.id),
  });
  return <DataTable table={table} ariaLabel="Saker" emptyText={emptyText} />;
}
