import type { StatisticsPeriod } from '@shared/contract';

/** What the Statistikk page gives every tab. */
export interface StatisticsTabProps {
  /** The year or date range chosen in the page header. */
  period: StatisticsPeriod;
  /** «2020» or «01.01.2020–30.06.2020», for titles and file names. */
  periodLabel: string;
}
