import type { HandlersFor } from '../context';
import { importTimesheet, previewTimesheet, readTimesheet, rejectedRowsFile, timesheetProgress } from './importService';

/** Importing the team's old Excel time sheets. */
export const timesheetHandlers: HandlersFor<'timesheet'> = {
  'timesheet:read-file': readTimesheet,
  'timesheet:preview': previewTimesheet,
  'timesheet:progress': timesheetProgress,
  'timesheet:rejected-rows': rejectedRowsFile,
  'timesheet:import': importTimesheet,
};
