import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { TeamMemberDto } from '../../../../shared/contract';
import { TEAM_ROLE_LABEL } from '../../../../shared/domain/caseStatus';
import { DataTable, type ColumnMeta } from '../../components/DataTable';

const column = createColumnHelper<TeamMemberDto>();

const teamColumns = [
  column.accessor('displayName', { header: 'Navn' }),
  column.accessor('initials', { header: 'Initialer', meta: { width: '120px' } satisfies ColumnMeta }),
  column.accessor('username', { header: 'Brukernavn' }),
  column.accessor((row) => TEAM_ROLE_LABEL[row.role], { id: 'role', header: 'Rolle', meta: { width: '180px' } satisfies ColumnMeta }),
];

/** The team in the service's order (by name, the Norwegian way); a handful of rows needs no sorting. */
export function TeamTable({ members }: { members: TeamMemberDto[] }) {
  const table = useReactTable({
    data: members,
    columns: teamColumns,
    enableSorting: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });
  return <DataTable table={table} ariaLabel="Teammedlemmer" emptyText="Ingen aktive teammedlemmer." />;
}
