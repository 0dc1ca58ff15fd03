import { describe, expect, it } from 'vitest';
import { auditedFields } from '../../electron/services/audit/recordAudit';

/**
 * The audit log names fields as the contract does. The checks are the compiler's: each
 * `@ts-expect-error` below fails the type check (part of `npm test`) once the name it marks is accepted.
 */
describe('audited field names', () => {
  it('are the input’s field names, at any depth', () => {
    expect(auditedFields('time-entries:create', ['hours', 'caseCode'])).toEqual(['hours', 'caseCode']);
    expect(auditedFields('cost-share:save-settings', ['budget', 'population'])).toEqual(['budget', 'population']);
    expect(auditedFields('evaluations:update', ['receivedDate', 'fungerte'])).toEqual(['receivedDate', 'fungerte']);
  });

  it('refuse a name the input does not have', () => {
    // @ts-expect-error the caller sends `hours`; minutes is what they become
    auditedFields('time-entries:create', ['minutes']);
    // @ts-expect-error the closure note says nothing about the status
    auditedFields('cases:set-closure-note', ['status']);
    // @ts-expect-error not a question on the evaluation form
    auditedFields('evaluations:update', ['kommentar']);
  });

  it('take the names the contract adds for what a write sets itself', () => {
    expect(auditedFields('cases:close', ['status', 'closedDate'])).toEqual(['status', 'closedDate']);
    expect(auditedFields('retention:run', ['caseIds', 'case_goals', 'cases.closure_note'])).toEqual(['caseIds', 'case_goals', 'cases.closure_note']);
  });
});
