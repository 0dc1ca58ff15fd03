import type { ComponentType } from 'react';
import { AnnualReportTab } from './annualReport/AnnualReportTab';
import { CaseFiguresTab } from './CaseFiguresTab';
import { CostShareTab } from './CostShareTab';
import { EvaluationSummaryTab } from './EvaluationSummaryTab';
import { FamiliarTablesTab } from './FamiliarTablesTab';
import { LastingChangeTab } from './LastingChangeTab';
import { PivotTab } from './PivotTab';
import type { StatisticsTabProps } from './statisticsTabProps';

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
