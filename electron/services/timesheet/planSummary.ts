import type { ImportRejectionDto, ImportSheetDto } from '@shared/contract/timesheet';
import { MAX_LISTED_REJECTIONS } from '@shared/contract/timesheet';
import type { ImportPlan } from './plan';

/**
 * What the preview and the import's answer need of a plan, without its rows: counts, the first rejected
 * rows and the minutes per municipality and category. Small whatever the file's size, so the worker that
 * checks 100,000 rows answers the main thread with this instead of the rows (importSession.ts).
 */
export interface PlanSummary {
  sheets: ImportSheetDto[];
  rowsRead: number;
  acceptedCount: number;
  duplicates: number;
  existing: number;
  casesToCreate: string[];
  rejectedCount: number;
  /** The first MAX_LISTED_REJECTIONS rejected rows. */
  rejected: ImportRejectionDto[];
  minutes: number;
  /** [municipality id, minutes] of the accepted rows. */
  byMunicipality: [number, number][];
  /** [category id, minutes] of the accepted rows. */
  byCategory: [number, number][];
}

export function summaryOf(plan: ImportPlan): PlanSummary {
  const byMunicipality = new Map<number, number>();
  const byCategory = new Map<number, number>();
  let minutes = 0;
  for (const row of plan.accepted) {
    byMunicipality.set(row.municipalityId, (byMunicipality.get(row.municipalityId) ?? 0) + row.minutes);
    byCategory.set(row.categoryId, (byCategory.get(row.categoryId) ?? 0) + row.minutes);
    minutes += row.minutes;
  }
  return {
    sheets: plan.sheets,
    rowsRead: plan.rowsRead,
    acceptedCount: plan.accepted.length,
    duplicates: plan.duplicates,
    existing: plan.existing,
    casesToCreate: plan.newCases.map((c) => c.code),
    rejectedCount: plan.rejected.length,
    rejected: plan.rejected.slice(0, MAX_LISTED_REJECTIONS),
    minutes,
    byMunicipality: [...byMunicipality],
    byCategory: [...byCategory],
  };
}
