import type { HandlersFor } from '../context';
import { annualPivot } from './annualPivot';
import { caseFigures } from './caseFigures';
import { costShare, costShareSettings, saveCostShareSettings } from './costShare';
import { exportStatisticsTable } from './exportTable';
import { familiarTables } from './familiarTables';
import { lastingChange } from './lastingChange';
import { pivot } from './pivot';

/** Figures: the pivot, the familiar tables, case figures, lasting change and cost share. */
export const statisticsHandlers: HandlersFor<'statistics' | 'cost-share'> = {
  'statistics:annual': annualPivot,
  'statistics:case-figures': (ctx, input) => caseFigures(ctx, input.period),
  'statistics:lasting-change': (ctx, input) => lastingChange(ctx, input.period),
  'cost-share:get-settings': costShareSettings,
  'cost-share:save-settings': saveCostShareSettings,
  'statistics:cost-share': costShare,
  'statistics:pivot': pivot,
  'statistics:familiar-tables': familiarTables,
  'statistics:export-table': exportStatisticsTable,
};
