import type { HandlersFor } from '../context';
import { createCase, getCase, listCases, nextCaseCode, pageCases } from './cases';
import { setCaseTexts, setClosureNote } from './closureNote';
import { unlinkCaseContact } from './contactLinks';
import { createGoal, deleteGoal, updateGoal } from './goals';
import { caseload } from './staff';
import { recordCaseView } from './views';
import { answeringWithCase } from './writes';

/** The case: its record, lifecycle, staff, goals, ratings, partners and closure note. */
export const casesHandlers: HandlersFor<'cases'> = {
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
  'cases:record-after-contact-not-possible': answeringWithCase('cases:record-after-contact-not-possible'),
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
  'cases:set-closure-note': setClosureNote,
  'cases:set-texts': setCaseTexts,
};
