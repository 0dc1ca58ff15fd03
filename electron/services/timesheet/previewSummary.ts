import type { ImportPreviewDto } from '@shared/contract/timesheet';
import { MAX_LISTED_REJECTIONS } from '@shared/contract/timesheet';
import type { ServiceContext } from '../context';
import type { ImportPlan } from './plan';

/** Hours per municipality and per category of the rows that would be imported, in the usual order. */
export function summarisePlan(ctx: ServiceContext, jobId: string, fileName: string, plan: ImportPlan, includeExisting = false): ImportPreviewDto {
  const byMunicipality = new Map<number, number>();
  const byCategory = new Map<number, number>();
  let minutes = 0;
  for (const row of plan.accepted) {
    byMunicipality.set(row.municipalityId, (byMunicipality.get(row.municipalityId) ?? 0) + row.minutes);
    byCategory.set(row.categoryId, (byCategory.get(row.categoryId) ?? 0) + row.minutes);
    minutes += row.minutes;
  }
  const municipalities = ctx.db.sqlite.prepare('select id, name from municipalities order by sort_order').all() as { id: number; name: string }[];
  const categories = ctx.db.sqlite.prepare('select id, number, name from categories order by number').all() as { id: number; number: number; name: string }[];
  return {
    jobId,
    fileName,
    sheets: plan.sheets,
    rowsRead: plan.rowsRead,
    rowsToImport: plan.accepted.length,
    duplicates: plan.duplicates,
    existing: plan.existing,
    includeExisting,
    casesToCreate: plan.newCases.map((c) => c.code),
    rejectedCount: plan.rejected.length,
    rejected: plan.rejected.slice(0, MAX_LISTED_REJECTIONS),
    minutes,
    byMunicipality: municipalities.filter((m) => byMunicipality.has(m.id)).map((m) => ({ name: m.name, minutes: byMunicipality.get(m.id)! })),
    byCategory: categories.filter((c) => byCategory.has(c.id)).map((c) => ({ number: c.number, name: c.name, minutes: byCategory.get(c.id)! })),
  };
}
