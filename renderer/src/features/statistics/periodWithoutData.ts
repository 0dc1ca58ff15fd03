import type { CaseFiguresDto, CostShareDto, FamiliarTablesDto, LastingChangeDto } from '@shared/contract';
import type { PublishedCount } from '@shared/domain/disclosureControl';

/**
 * When a tab has nothing to show for the chosen period. Then the tab says so in one sentence instead of
 * drawing tables of zeros and charts with empty axes, which read as figures and are not.
 */

const isZeroCount = (count: PublishedCount) => count.kind === 'count' && count.value === 0;

/** No case referred, active, closed, followed up or with time in the period, and nobody with an active case at its end. */
export function noCases(dto: CaseFiguresDto): boolean {
  const t = dto.total;
  const counts = [t.total, t.referred, t.started, t.activeAtEnd, t.closed, t.closedWithAfterContact, t.institutionPhase];
  return counts.every((n) => n === 0) && dto.caseload.every((m) => m.activeCases === 0);
}

/** No case closed in the period: nothing to compare. (A hidden count of 1–4 is not empty: the tables say «skjult».) */
export function noClosedCases(dto: LastingChangeDto): boolean {
  return isZeroCount(dto.closedCases);
}

/** None of the closed cases was rated on both occasions of this comparison. */
export function noComparedCases(comparison: LastingChangeDto['comparisons'][number]): boolean {
  return comparison.rows.every((r) => isZeroCount(r.total));
}

/** Not one entry in any of the three tables. */
export function noEntries(dto: FamiliarTablesDto): boolean {
  return dto.tables.every((t) => t.rows.length === 0);
}

/** No hours and no cases for the member municipalities: the help side is all zeros. */
export function noHelp(dto: CostShareDto): boolean {
  return dto.total.hours === 0 && dto.total.cases === 0;
}
