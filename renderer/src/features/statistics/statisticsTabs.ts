import type { ComponentType } from 'react';
import type { StatisticsPeriod } from '../../../../shared/contract';
import { AnnualReportTab } from './annualReport/AnnualReportTab';
import { CaseFiguresTab } from './CaseFiguresTab';
import { CostShareTab } from './CostShareTab';
import { EvaluationSummaryTab } from './EvaluationSummaryTab';
import { FamiliarTablesTab } from './FamiliarTablesTab';
import { LastingChangeTab } from './LastingChangeTab';
import { PivotTab } from './PivotTab';

export interface StatisticsTabProps {
  /** The year or date range chosen in the page header. */
  period: StatisticsPeriod;
  /** «2020» or «01.01.2020–30.06.2020», for titles and file names. */
  periodLabel: string;
}

export interface StatisticsTab {
  id: string;
  label: string;
  Component: ComponentType<StatisticsTabProps>;
}

/**
 * The tabs of the Statistikk page, in order. A new view of the statistics is one entry here; the page
 * gives every tab the chosen period.
 */
export const STATISTICS_TABS: StatisticsTab[] = [
  { id: 'pivot', label: 'Pivot', Component: PivotTab },
  { id: 'faste-tabeller', label: 'Faste tabeller', Component: FamiliarTablesTab },
  { id: 'saker', label: 'Saker', Component: CaseFiguresTab },
  { id: 'varig-endring', label: 'Varig endring', Component: LastingChangeTab },
  { id: 'kostnad', label: 'Kostnad og hjelp', Component: CostShareTab },
  { id: 'brukerevalueringer', label: 'Brukerevalueringer', Component: EvaluationSummaryTab },
  { id: 'arsrapport', label: 'Årsrapport', Component: AnnualReportTab },
];
