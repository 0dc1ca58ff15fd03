import { run } from '../../db/exec';
import type { CaseStatus } from '@shared/domain/caseStatus';
import type { ServiceContext } from '../context';

/** One row in the case's timeline; written in the same transaction as the status change it records. */
export function recordTransition(ctx: ServiceContext, caseId: number, from: CaseStatus | null, to: CaseStatus, onDate: string, reopened = false): void {
  run(
    ctx.db,
    ctx.db.kysely.insertInto('case_transitions').values({
      case_id: caseId,
      from_status: from,
      to_status: to,
      on_date: onDate,
      reopened: reopened ? 1 : 0,
      at: ctx.clock.now().toISOString(),
      actor_id: ctx.actor?.id ?? null,
    }),
  );
}

/** Three months after closure, on the same day of the month (or the month's last day). */
export function afterContactDue(closedDate: string): string {
  const [y, m, d] = closedDate.split('-').map(Number) as [number, number, number];
  const month = m + 3;
  const year = y + Math.floor((month - 1) / 12);
  const monthOfYear = ((month - 1) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, monthOfYear, 0)).getUTCDate();
  return `${year}-${String(monthOfYear).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
