import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelInput, TimeEntryDto } from '@shared/contract';
import type { ColumnMeta } from '@renderer/components/DataTable';
import { useApiQuery } from '@renderer/lib/query';
import { EditEntryRow } from './EditEntryRow';
import { entryColumns } from './entryColumns';
import type { EntryTableMeta } from './entryTableMeta';

export const GRID_PAGE_SIZE = 100;
const ROW_HEIGHT = 37;

const useStyles = makeStyles({
  // Takes the rest of the window's height (the page does not scroll): the one scroll area of the screen.
  scroller: {
    flex: 1,
    minHeight: '240px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { tableLayout: 'fixed' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
  numeric: { textAlign: 'end', justifyContent: 'flex-end' },
  row: { height: `${ROW_HEIGHT}px` },
  empty: { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground2 },
});

type ListInput = ChannelInput<'time-entries:list'>;

/** One page of the grid's query; the page above the grid asks for page 0 with the same key, for the totals. */
export function gridPageInput(page: number, sort: NonNullable<ListInput['sort']>, filter: NonNullable<ListInput['filter']>): ListInput {
  return { page, pageSize: GRID_PAGE_SIZE, sort, filter };
}

interface EntryGridProps {
  filter: NonNullable<ListInput['filter']>;
  sort: NonNullable<ListInput['sort']>;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onDeleted: (entry: TimeEntryDto) => void;
}

/**
 * Every entry matching the filter in one scrolling table: only the rows in view are drawn, and only the
 * pages of 100 rows in view are fetched — sorted and filtered by SQLite, so a million entries scroll
 * like a hundred. Spacer rows above and below keep the scroll bar true to the whole list.
 */
export function EntryGrid({ filter, sort, sorting, onSortingChange, onDeleted }: EntryGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const pageInput = (page: number) => gridPageInput(page, sort, filter);
  // Another filter or order is another list: start it at its first row, not at the old list's position.
  const listKey = JSON.stringify([filter, sort]);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [listKey]);

  const first = useApiQuery('time-entries:list', pageInput(0), { keepPrevious: true });
  const total = first.data?.total ?? 0;

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  // The rows in view span at most two pages (100 rows each, far more than a screen): a fixed number of
  // hooks, one per page that may be in view.
  const firstPage = Math.floor((items[0]?.index ?? 0) / GRID_PAGE_SIZE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / GRID_PAGE_SIZE);
  const upper = useApiQuery('time-entries:list', pageInput(firstPage), { enabled: firstPage > 0 });
  const lower = useApiQuery('time-entries:list', pageInput(lastPage), { enabled: lastPage > firstPage });
  const byPage = new Map<number, TimeEntryDto[]>([[0, first.data?.rows ?? []]]);
  if (firstPage > 0) byPage.set(firstPage, upper.data?.rows ?? []);
  if (lastPage > firstPage) byPage.set(lastPage, lower.data?.rows ?? []);
  // A new array on every render would make TanStack Table reset its row model and re-render for ever.
  const loaded = useMemo(
    () => [...(first.data?.rows ?? []), ...(firstPage > 0 ? (upper.data?.rows ?? []) : []), ...(lastPage > firstPage ? (lower.data?.rows ?? []) : [])],
    [first.data, upper.data, lower.data, firstPage, lastPage],
  );

  const meta: EntryTableMeta = { onEdit: (entry) => setEditing(entry.id), onDeleted };
  const table = useReactTable({
    data: loaded,
    columns: entryColumns,
    state: { sorting },
    manualSorting: true,
    sortDescFirst: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    autoResetPageIndex: false,
    autoResetExpanded: false,
    meta,
  });
  const columnCount = table.getVisibleLeafColumns().length;
  const entryAt = (index: number) => byPage.get(Math.floor(index / GRID_PAGE_SIZE))?.[index % GRID_PAGE_SIZE];
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label="Registreringer, rullbar liste">
      <Table aria-label="Registreringer" aria-rowcount={total + 1} size="small" className={styles.table}>
        <TableHeader className={styles.header}>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const columnMeta = header.column.columnDef.meta as ColumnMeta | undefined;
                const sorted = header.column.getIsSorted();
                return (
                  <TableHeaderCell
                    key={header.id}
                    className={styles.headerCell}
                    style={columnMeta?.width ? { width: columnMeta.width } : undefined}
                    sortable={header.column.getCanSort()}
                    sortDirection={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    onClick={header.column.getCanSort() ? header.column.getToggleSortingHandler() : undefined}
                    button={columnMeta?.numeric ? { className: styles.numeric } : undefined}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {total === 0 ? (
            <TableRow>
              <TableCell colSpan={columnCount} className={styles.empty}>
                {first.isPending ? 'Henter registreringer …' : 'Ingen registreringer passer filteret.'}
              </TableCell>
            </TableRow>
          ) : null}
          {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
          {items.map((item) => {
            const entry = entryAt(item.index);
            if (!entry) {
              return (
                <TableRow key={`venter-${item.index}`} className={styles.row} aria-rowindex={item.index + 2}>
                  <TableCell colSpan={columnCount}>Henter …</TableCell>
                </TableRow>
              );
            }
            if (entry.id === editing) return <EditEntryRow key={entry.id} entry={entry} columnCount={columnCount} onDone={() => setEditing(null)} />;
            const row = table.getRow(String(entry.id));
            return (
              <TableRow key={entry.id} className={styles.row} aria-rowindex={item.index + 2}>
                {row.getVisibleCells().map((cell) => {
                  const columnMeta = cell.column.columnDef.meta as ColumnMeta | undefined;
                  return (
                    <TableCell key={cell.id} className={columnMeta?.numeric ? styles.numeric : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
        </TableBody>
      </Table>
    </div>
  );
}
