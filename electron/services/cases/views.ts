import { transaction } from '../../db/exec';
import { recordAudit } from '../audit/recordAudit';
import type { SignedInContext } from '../context';

/**
 * Reads the case and, when it exists, writes one 'view' audit row in the same transaction: the log
 * shows who opened which case page. A case that does not exist is not logged (the read throws first).
 */
export function recordCaseView<T>(ctx: SignedInContext, caseId: number, read: () => T): T {
  return transaction(ctx.db, () => {
    const value = read();
    recordAudit(ctx, 'view', 'case', caseId);
    return value;
  });
}
