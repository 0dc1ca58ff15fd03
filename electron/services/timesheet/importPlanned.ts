import type { ChannelParsedInput } from '@shared/contract';
import { MAX_LISTED_REJECTIONS, type ImportSummaryDto } from '@shared/contract/timesheet';
import type { SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { commitPlan, writePlanOf } from './commit';
import type { ImportPlan } from './plan';

export type ImportChoice = Pick<ChannelParsedInput<'timesheet:import'>, 'sheets' | 'includeExisting' | 'strict'>;

/**
 * «Importer» on a checked plan: refuses an empty or wholly rejected file, writes nothing under `strict`
 * when a row is rejected, else writes every accepted row in one transaction (commit.ts). The same code
 * whether the plan was made on the calling thread or in the import's worker (importSession.ts).
 */
export function importPlanned(
  ctx: SignedInContext,
  plan: ImportPlan,
  choice: ImportChoice,
  fileSha256: string,
  onProgress?: (rowsWritten: number) => void,
): ImportSummaryDto {
  const base = { rowsRead: plan.rowsRead, rejectedCount: plan.rejected.length, rejected: plan.rejected.slice(0, MAX_LISTED_REJECTIONS) };
  if (plan.rowsRead === 0) throw new ServiceError('validation', 'Ingen rader å importere i de valgte arkene', { sheets: 'Velg minst ett ark med rader' });
  const existingSkipped = choice.includeExisting ? 0 : plan.existing;
  if (choice.strict && plan.rejected.length > 0) {
    return { ...base, importId: null, imported: 0, duplicatesSkipped: plan.duplicates, existingSkipped, casesCreated: [], committed: false };
  }
  if (plan.accepted.length === 0 && plan.duplicates === 0 && plan.existing === 0) {
    throw new ServiceError('validation', 'Ingen rader kunne importeres: alle ble avvist', {});
  }
  const result = commitPlan(ctx, writePlanOf(plan), fileSha256, onProgress ? { onProgress } : {});
  return { ...base, ...result, existingSkipped, committed: true };
}
