import type { ServiceContext } from '../context';
import { isoDateInOslo } from '@shared/dates';
import { planImport, type ImportPlan, type PlanChoice } from './plan';
import type { ParsedWorkbook } from './types';

interface CachedPlan {
  jobId: string;
  stamp: string;
  plan: ImportPlan;
}

/**
 * The last plan shown in a preview, kept so «Importer» need not check 100,000 rows a second time when
 * nothing it depends on can have changed: same file, sheets and choice, same day, and no write to the database
 * since (data_version moves with other connections' commits, total_changes() with this connection's).
 * Anything else plans again. Only one is kept: a plan of a large sheet holds tens of megabytes.
 */
let cached: CachedPlan | null = null;

function stampOf(ctx: ServiceContext, choice: PlanChoice): string {
  const sqlite = ctx.db.sqlite;
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = sqlite.prepare('select total_changes()').pluck().get() as number;
  return JSON.stringify([dataVersion, changes, isoDateInOslo(ctx.clock.now()), choice.sheets ?? null, choice.includeExisting ?? false]);
}

/** Plans the rows and remembers the plan for the import that may follow. */
export function planAndRemember(ctx: ServiceContext, jobId: string, workbook: ParsedWorkbook, choice: PlanChoice = {}): ImportPlan {
  const plan = planImport(ctx, workbook, choice);
  cached = { jobId, stamp: stampOf(ctx, choice), plan };
  return plan;
}

/** The remembered plan when still valid, else a fresh one. Either way it is handed out once. */
export function currentPlan(ctx: ServiceContext, jobId: string, workbook: ParsedWorkbook, choice: PlanChoice = {}): ImportPlan {
  const hit = cached && cached.jobId === jobId && cached.stamp === stampOf(ctx, choice) ? cached.plan : null;
  cached = null;
  return hit ?? planImport(ctx, workbook, choice);
}
