import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { TeamMemberDto } from '@shared/contract';
import { TEAM_ROLE_LABEL } from '@shared/domain/caseStatus';
import { DataTable, type ColumnMeta } from '@renderer/components/DataTable';
import { MemberActions } from './MemberActions';

const column = createColumnHelper<TeamMemberDto>();

const baseColumns = [
  column.accessor('displayName', { header: 'Navn' }),
  column.accessor('initials', { header: 'Initialer', meta: { width: '110px' } satisfies ColumnMeta }),
  column.accessor('username', { header: 'Brukernavn' }),
  column.accessor((row) => TEAM_ROLE_LABEL[row.role], { id: 'role', header: 'Rolle', meta: { width: '150px' } satisfies ColumnMeta }),
  column.accessor((row) => (row.active ? 'Aktiv' : 'Deaktivert'), { id: 'active', header: 'Status', meta: { width: '120px' } satisfies ColumnMeta }),
];

/**
 * The team in the service's order (by name, the Norwegian way); a handful of rows needs no sorting.
 * An administrator gets a menu per member (new password, deactivate).
 */
export function TeamTable({ members, adminId }: { members: TeamMemberDto[]; adminId: number | null }) {
  const columns = useMemo(
    () =>
      adminId === null
        ? baseColumns
        : [
            ...baseColumns,
            column.display({
              id: 'actions',
              header: 'Handlinger',
              meta: { width: '110px' } satisfies ColumnMeta,
              cell: ({ row }) => <MemberActions member={row.original} self={row.original.id === adminId} />,
            }),
          ],
    [adminId],
  );
  const table = useReactTable({
    data: members,
    columns,
    enableSorting: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });
  return <DataTable table={table} ariaLabel="Teammedlemmer" emptyText="Ingen teammedlemmer." />;
}
