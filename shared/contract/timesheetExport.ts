import { z } from './zodNorwegian';
import { mutationChannel } from './channel';
import { timeEntryFilterSchema } from './timeEntries';
import type { FileDto } from './timesheetImport';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
/** A sheet can hold about a million rows; past that the old pivot tables could not read it anyway. */
export const MAX_EXPORT_ROWS = 1_000_000;

export const exportTimeEntriesInput = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  filter: timeEntryFilterSchema.default({}),
});

/** A mutation because it is audited: who took which data out, and when. */
export const timesheetExportChannels = {
  'time-entries:export': mutationChannel<FileDto>()(exportTimeEntriesInput, 'Eksporter registreringer til .xlsx eller .csv', [
    // Nothing changes; the contract asks every mutation to name its own domain.
    'time-entries',
  ]),
} as const;
