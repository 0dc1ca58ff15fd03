import type { Table } from '@tanstack/react-table';
import type { TimeEntryDto } from '@shared/contract';

/** What the time-log grid's rows can ask of the page: edit or delete an entry. */
export interface EntryTableMeta {
  onEdit: (entry: TimeEntryDto) => void;
  onDeleted: (entry: TimeEntryDto) => void;
}

export const entryMeta = (table: Table<TimeEntryDto>) => table.options.meta as EntryTableMeta;
