import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { flexRender, type Table as TanstackTable } from '@tanstack/react-table';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  wrapper: {
    overflowX: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  headerRow: { backgroundColor: tokens.colorNeutralBackground2 },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
  numeric: { textAlign: 'end', justifyContent: 'flex-end' },
  empty: { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground2 },
});

export interface ColumnMeta {
  /** Right-aligned figures, so decimals line up. */
  numeric?: boolean;
  /** Fixed column width, e.g. '120px'. */
  width?: string;
}

interface DataTableProps<T> {
  table: TanstackTable<T>;
  ariaLabel: string;
  emptyText: ReactNode;
}

/** A @tanstack/react-table model drawn with Fluent's table, with sortable headers that announce aria-sort. */
export function DataTable<T>({ table, ariaLabel, emptyText }: DataTableProps<T>) {
  const styles = useStyles();
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  return (
    <div className={styles.wrapper}>
      <Table aria-label={ariaLabel} size="small">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className={styles.headerRow}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta as ColumnMeta | undefined;
                const sortable = header.column.getCanSort();
                const sorted = header.column.getIsSorted();
                return (
                  <TableHeaderCell
                    key={header.id}
                    className={styles.headerCell}
                    style={meta?.width ? { width: meta.width } : undefined}
                    sortable={sortable}
                    sortDirection={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
                    button={meta?.numeric ? { className: styles.numeric } : undefined}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columnCount} className={styles.empty}>
                {emptyText}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row) => (
              <TableRow key={row.id}>
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
                  return (
                    <TableCell key={cell.id} className={meta?.numeric ? styles.numeric : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
