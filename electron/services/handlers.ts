import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { ServiceContext } from './context';
import { createCase, getCase, listCases, nextCaseCode } from './cases';
import { listCategories, listMunicipalities } from './reference';
import { changeOwnPassword, getSession, lockSession, signIn, signOut, unlockSession } from './session';
import { getSettings, updateSettings } from './settings';
import { annualPivot } from './statistics';
import { createTeamMember, listTeamMembers, setTeamMemberActive, setTeamMemberPassword, updateTeamMember } from './teamMembers';
import { exportAudit } from './auditExport';
import { listAudit, verifyAudit } from './auditLog';
import { recordCaseView } from './caseViews';
import { setClosureNote } from './closureNote';
import { previewRetention, runRetention } from './retention/engine';
import { createTimeEntry, deleteTimeEntry, listTimeEntries, updateTimeEntry } from './timeEntries';

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
  'session:lock': (ctx) => lockSession(ctx),
  'session:unlock': unlockSession,
  'session:change-password': changeOwnPassword,
  'team-members:list': listTeamMembers,
  'team-members:create': createTeamMember,
  'team-members:update': updateTeamMember,
  'team-members:set-active': setTeamMemberActive,
  'team-members:set-password': setTeamMemberPassword,
  'municipalities:list': (ctx) => listMunicipalities(ctx),
  'categories:list': listCategories,
  'cases:next-code': nextCaseCode,
  'cases:create': createCase,
  'cases:list': listCases,
  // Opening a case page is logged: who looked at which case, and when.
  'cases:get': (ctx, input) => recordCaseView(ctx, input.id, () => getCase(ctx, input)),
  'cases:set-closure-note': setClosureNote,
  'time-entries:create': (ctx, input) => createTimeEntry(ctx, input),
  'time-entries:update': updateTimeEntry,
  'time-entries:delete': deleteTimeEntry,
  'time-entries:list': listTimeEntries,
  'statistics:annual': annualPivot,
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': updateSettings,
  'audit:list': listAudit,
  'audit:verify': (ctx) => verifyAudit(ctx),
  'audit:export': exportAudit,
  'retention:preview': (ctx) => previewRetention(ctx),
  'retention:run': (ctx, input) => runRetention(ctx, input),
};
