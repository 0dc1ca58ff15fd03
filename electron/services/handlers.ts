import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { ServiceContext } from './context';
import { createCase, getCase, listCases, nextCaseCode } from './cases';
import { listCategories, listMunicipalities } from './reference';
import { getSession, signIn, signOut } from './session';
import { getSettings, updateSettings } from './settings';
import { annualPivot } from './statistics';
import { createTeamMember, listTeamMembers } from './teamMembers';
import { createTimeEntry, deleteTimeEntry, listTimeEntries, updateTimeEntry } from './timeEntries';
import { caseSuggestions, timeWeek } from './timeEntriesWeek';
import { exportTimeEntries } from './timesheet/exportEntries';
import { importTimesheet, previewTimesheet, readTimesheet, rejectedRowsFile, timesheetProgress } from './timesheet/importService';

/** A service function answers at once or, for slow work done off the main thread, with a promise. */
export type Handler<C extends ChannelName> = (
  ctx: ServiceContext,
  input: ChannelParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** One service function per channel. The mapped type makes a missing handler a compile error. */
export const handlers: Handlers = {
  'session:get-current': (ctx) => getSession(ctx),
  'session:sign-in': signIn,
  'session:sign-out': (ctx) => signOut(ctx),
  'team-members:list': listTeamMembers,
  'team-members:create': createTeamMember,
  'municipalities:list': (ctx) => listMunicipalities(ctx),
  'categories:list': listCategories,
  'cases:next-code': nextCaseCode,
  'cases:create': createCase,
  'cases:list': listCases,
  'cases:get': getCase,
  'time-entries:create': (ctx, input) => createTimeEntry(ctx, input),
  'time-entries:update': updateTimeEntry,
  'time-entries:delete': deleteTimeEntry,
  'time-entries:list': listTimeEntries,
  'time-entries:week': timeWeek,
  'time-entries:case-suggestions': caseSuggestions,
  'time-entries:export': exportTimeEntries,
  'timesheet:read-file': readTimesheet,
  'timesheet:preview': previewTimesheet,
  'timesheet:progress': timesheetProgress,
  'timesheet:rejected-rows': rejectedRowsFile,
  'timesheet:import': importTimesheet,
  'statistics:annual': annualPivot,
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': updateSettings,
};
