import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { AuditEntryDto } from '@shared/contract';
import { auditActionLabel, auditRecordLabel } from '@shared/domain/audit';
import { auditedFieldLabel } from '@shared/domain/auditFieldLabels';
import { formatNorwegianDateTime } from '@shared/format';
import { DataTable, type ColumnMeta } from '@renderer/components/DataTable';

const column = createColumnHelper<AuditEntryDto>();

const columns = [
  column.accessor((row) => formatNorwegianDateTime(row.at), { id: 'at', header: 'Tidspunkt', meta: { width: '150px' } satisfies ColumnMeta }),
  column.accessor((row) => row.actorName ?? '–', { id: 'actor', header: 'Teammedlem' }),
  column.accessor((row) => `${auditActionLabel(row.action)}${row.waiting ? ' (venter på lagring)' : ''}`, {
    id: 'action',
    header: 'Handling',
    meta: { width: '170px' } satisfies ColumnMeta,
  }),
  column.accessor((row) => auditRecordLabel(row), {
    id: 'record',
    header: 'Gjelder',
  }),
  column.accessor((row) => row.fields.map(auditedFieldLabel).join(', ') || '–', { id: 'fields', header: 'Felt som ble endret' }),
];

export function AuditTable({ rows }: { rows: AuditEntryDto[] }) {
  const table = useReactTable({
    data: rows,
    columns,
    enableSorting: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });
  return <DataTable table={table} ariaLabel="Revisjonslogg" emptyText="Ingen hendelser passer filteret." />;
}
