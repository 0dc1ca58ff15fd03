import type { StatisticsPeriod } from '../../shared/contract/caseStatistics';
import { yearRange } from '../../shared/dates';

/** The first and last day of a statistics period (a year, or a range already checked to be in order). */
export function periodRange(period: StatisticsPeriod): { from: string; to: string } {
  return 'year' in period ? yearRange(period.year) : { from: period.from, to: period.to };
}
