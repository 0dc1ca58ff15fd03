import type { ImportPreviewDto } from '@shared/contract/timesheet';
import type { ServiceContext } from '../context';
import type { PlanSummary } from './planSummary';

/** The preview of a checked plan: hours per municipality and per category in the usual order, with their names. */
export function summarisePlan(ctx: ServiceContext, jobId: string, fileName: string, plan: PlanSummary, includeExisting = false): ImportPreviewDto {
  const byMunicipality = new Map(plan.byMunicipality);
  const byCategory = new Map(plan.byCategory);
  const municipalities = ctx.db.sqlite.prepare('select id, name from municipalities order by sort_order').all() as { id: number; name: string }[];
  const categories = ctx.db.sqlite.prepare('select id, number, name from categories order by number').all() as { id: number; number: number; name: string }[];
  return {
    jobId,
    fileName,
    sheets: plan.sheets,
    rowsRead: plan.rowsRead,
    rowsToImport: plan.acceptedCount,
    duplicates: plan.duplicates,
    existing: plan.existing,
    includeExisting,
    casesToCreate: plan.casesToCreate,
    rejectedCount: plan.rejectedCount,
    rejected: plan.rejected,
    minutes: plan.minutes,
    byMunicipality: municipalities.filter((m) => byMunicipality.has(m.id)).map((m) => ({ name: m.name, minutes: byMunicipality.get(m.id)! })),
    byCategory: categories.filter((c) => byCategory.has(c.id)).map((c) => ({ number: c.number, name: c.name, minutes: byCategory.get(c.id)! })),
  };
}
