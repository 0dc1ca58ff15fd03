import { transaction } from '../../db/exec';
import { recordAuditSync } from '../audit/recordAudit';
import type { SignedInContext } from '../context';

/**
 * Reads the case and, when it exists, writes one 'view' audit row in the same transaction: the log
 * shows who opened which case page. A case that does not exist is not logged (the read throws first).
 */
export function recordCaseView<T>(ctx: SignedInContext, caseId: number, read: () => T): T {
  return transaction(ctx.db, () => {
    const value = read();
    recordAuditSync(ctx, 'view', 'case', caseId);
    return value;
  });
}
