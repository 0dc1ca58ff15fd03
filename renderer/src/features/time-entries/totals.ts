import type { TimeTotalsDto } from '@shared/contract';
import { formatTimeTotals } from '@shared/format';

/** «Sum: 12,5 timer · 25 persontimer · 9 registreringer» — each figure names its unit. */
export function formatTotals(totals: TimeTotalsDto): string {
  return `Sum: ${formatTimeTotals(totals)}`;
}
