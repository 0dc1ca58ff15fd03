import type { HandlersFor } from '../context';
import { exportTimeEntries } from '../timesheet/exportEntries';
import { listTimeEntries } from './list';
import { caseSuggestions, timeWeek } from './week';
import { createTimeEntry, deleteTimeEntry, updateTimeEntry } from './write';

/** The time log: entries, the week view and the export. */
export const timeEntriesHandlers: HandlersFor<'time-entries'> = {
  'time-entries:create': (ctx, input) => createTimeEntry(ctx, input),
  'time-entries:update': updateTimeEntry,
  'time-entries:delete': deleteTimeEntry,
  'time-entries:list': listTimeEntries,
  'time-entries:week': timeWeek,
  'time-entries:case-suggestions': caseSuggestions,
  'time-entries:export': exportTimeEntries,
};
