import type { StatisticsPeriod } from '@shared/contract';
import { formatNorwegianDate } from '@shared/format';

export function periodLabel(period: StatisticsPeriod): string {
  return 'year' in period ? String(period.year) : `${formatNorwegianDate(period.from)}–${formatNorwegianDate(period.to)}`;
}
