import type { CaseDetailDto, ChannelOutput, ChannelParsedInput, MutationChannelName } from '@shared/contract';
import { recordAfterContactNotPossible } from './afterContactMiss';
import { correctCaseCode, getCase } from './cases';
import { linkCaseContact } from './contactLinks';
import { closeCase, enterInstitution, recordAfterContact, rejectCase, reopenCase, startFollowUp, updateInstitution } from './lifecycle';
import { rateDomains } from './ratings';
import { recordRiskAssessment, setCaseStaff } from './staff';
import type { SignedInContext } from '../context';

/** The mutation channels that answer with the whole case as it is after the write. */
export type CaseWriteChannel = { [C in MutationChannelName]: ChannelOutput<C> extends CaseDetailDto ? C : never }[MutationChannelName];

type CaseWrite<C extends CaseWriteChannel> = (ctx: SignedInContext, input: ChannelParsedInput<C>) => number;

/**
 * The write behind each of those channels: validated, audited and in its own transaction, answering
 * with the case's id only. The channel reads the whole case afterwards for its answer; a caller that
 * writes many steps in a row and never looks at the answers (the demo) calls these and skips the
 * reading — a case page is seven queries. A missing channel is a compile error.
 */
export const caseWrites: { [C in CaseWriteChannel]: CaseWrite<C> } = {
  'cases:correct-code': correctCaseCode,
  'cases:reject': rejectCase,
  'cases:enter-institution': enterInstitution,
  'cases:update-institution': updateInstitution,
  'cases:start-follow-up': startFollowUp,
  'cases:close': closeCase,
  'cases:record-after-contact': recordAfterContact,
  'cases:record-after-contact-not-possible': recordAfterContactNotPossible,
  'cases:reopen': reopenCase,
  'cases:record-risk-assessment': recordRiskAssessment,
  'cases:set-staff': setCaseStaff,
  'cases:rate-domains': rateDomains,
  'cases:link-contact': linkCaseContact,
};

/** The channel's handler: the write, then the case as it is now. */
export function answeringWithCase<C extends CaseWriteChannel>(channel: C): (ctx: SignedInContext, input: ChannelParsedInput<C>) => CaseDetailDto {
  const write = caseWrites[channel] as CaseWrite<C>;
  return (ctx, input) => getCase(ctx, { id: write(ctx, input) });
}
