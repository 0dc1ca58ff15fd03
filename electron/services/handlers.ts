import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { ServiceContext } from './context';
import { createBackup, listBackups, restoreBackup } from './backups/service';
import { createCase, getCase, listCases, nextCaseCode, pageCases } from './cases';
import { unlinkCaseContact } from './caseContacts';
import { createGoal, deleteGoal, updateGoal } from './caseGoals';
import { caseload } from './caseTeam';
import { answeringWithCase } from './caseWrites';
import {
  archiveContact,
  createContact,
  createContactPerson,
  deleteContact,
  deleteContactPerson,
  getContact,
  listContacts,
  updateContact,
  updateContactPerson,
} from './contacts';
import { createLifeDomain, listLifeDomains, updateLifeDomain } from './lifeDomains';
import { createNetworkEvent, deleteNetworkEvent, listNetworkEvents, updateNetworkEvent } from './network';
import { getOverview } from './overview';
import { listCategories, listMunicipalities } from './reference';
import { changeOwnPassword, getSession, lockSession, signIn, signOut, unlockSession } from './session';
import { getSettings, updateSettings } from './settings';
import { annualPivot } from './statistics';
import { generateAnnualReport } from './annualReport/generate';
import { annualReportTexts, saveAnnualReportText } from './annualReport/texts';
import { caseFigures } from './caseFigures';
import { costShare, costShareSettings, saveCostShareSettings } from './costShare';
import { lastingChange } from './lastingChange';
import { exportStatisticsTable } from './statistics/exportTable';
import { familiarTables } from './statistics/familiarTables';
import { pivot } from './statistics/pivot';
import { systemStatus } from './system';
import { createTeamMember, listTeamMembers, setTeamMemberActive, setTeamMemberPassword, updateTeamMember } from './teamMembers';
import { exportAudit } from './auditExport';
import { listAudit, verifyAudit } from './auditLog';
import { recordCaseView } from './caseViews';
import { setClosureNote } from './closureNote';
import { previewRetention, runRetention } from './retention/engine';
import { createTimeEntry, deleteTimeEntry, updateTimeEntry } from './timeEntries';
import { listTimeEntries } from './timeEntryList';
import { caseSuggestions, timeWeek } from './timeEntriesWeek';
import { exportTimeEntries } from './timesheet/exportEntries';
import { generateDocument, listDocuments, regenerateDocument } from './documents/generateDocument';
import { deleteEvaluation, evaluationSummary, listEvaluations, registerEvaluation, updateEvaluation } from './documents/evaluations';
import { placeholderCatalogue } from './documents/placeholders';
import { downloadTemplate, listTemplates, openTemplate, replaceTemplate, restoreDefaultTemplate } from './documents/templateStore';
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
  'cases:page': pageCases,
  'cases:correct-code': answeringWithCase('cases:correct-code'),
  'cases:reject': answeringWithCase('cases:reject'),
  'cases:enter-institution': answeringWithCase('cases:enter-institution'),
  'cases:update-institution': answeringWithCase('cases:update-institution'),
  'cases:start-follow-up': answeringWithCase('cases:start-follow-up'),
  'cases:close': answeringWithCase('cases:close'),
  'cases:record-after-contact': answeringWithCase('cases:record-after-contact'),
  'cases:reopen': answeringWithCase('cases:reopen'),
  'cases:record-risk-assessment': answeringWithCase('cases:record-risk-assessment'),
  'cases:set-staff': answeringWithCase('cases:set-staff'),
  'cases:caseload': (ctx) => caseload(ctx),
  'cases:rate-domains': answeringWithCase('cases:rate-domains'),
  'cases:add-goal': createGoal,
  'cases:update-goal': updateGoal,
  'cases:delete-goal': deleteGoal,
  'cases:link-contact': answeringWithCase('cases:link-contact'),
  'cases:unlink-contact': unlinkCaseContact,
  'life-domains:list': listLifeDomains,
  'life-domains:create': createLifeDomain,
  'life-domains:update': updateLifeDomain,
  'contacts:list': listContacts,
  'contacts:get': getContact,
  'contacts:create': createContact,
  'contacts:update': updateContact,
  'contacts:archive': archiveContact,
  'contacts:delete': deleteContact,
  'contacts:add-person': createContactPerson,
  'contacts:update-person': updateContactPerson,
  'contacts:delete-person': deleteContactPerson,
  'network:list': listNetworkEvents,
  'network:create': createNetworkEvent,
  'network:update': updateNetworkEvent,
  'network:delete': deleteNetworkEvent,
  'overview:get': (ctx) => getOverview(ctx),
  'cases:set-closure-note': setClosureNote,
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
  'annual-report:texts': annualReportTexts,
  'annual-report:save-text': saveAnnualReportText,
  'annual-report:generate': generateAnnualReport,
  'statistics:case-figures': (ctx, input) => caseFigures(ctx, input.period),
  'statistics:lasting-change': (ctx, input) => lastingChange(ctx, input.period),
  'cost-share:get-settings': costShareSettings,
  'cost-share:save-settings': saveCostShareSettings,
  'statistics:cost-share': costShare,
  'statistics:pivot': pivot,
  'statistics:familiar-tables': familiarTables,
  'statistics:export-table': exportStatisticsTable,
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': updateSettings,
  'backups:list': (ctx) => listBackups(ctx),
  'backups:create': (ctx) => createBackup(ctx),
  'backups:restore': restoreBackup,
  'system:status': (ctx) => systemStatus(ctx),
  'audit:list': listAudit,
  'audit:verify': (ctx) => verifyAudit(ctx),
  'audit:export': exportAudit,
  'retention:preview': (ctx) => previewRetention(ctx),
  'retention:run': (ctx, input) => runRetention(ctx, input),
  'templates:list': listTemplates,
  'templates:placeholders': (_ctx, input) => placeholderCatalogue(input),
  'templates:download': downloadTemplate,
  'templates:open': openTemplate,
  'templates:replace': replaceTemplate,
  'templates:restore-default': restoreDefaultTemplate,
  'documents:list': listDocuments,
  'documents:generate': generateDocument,
  'documents:regenerate': regenerateDocument,
  'evaluations:list': listEvaluations,
  'evaluations:register': registerEvaluation,
  'evaluations:update': updateEvaluation,
  'evaluations:delete': deleteEvaluation,
  'evaluations:summary': evaluationSummary,
};
