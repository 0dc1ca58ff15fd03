import type { FamiliarTableDto } from '../contract/statistics/pivot';
import { tableChart } from './pivotChart';
import type { ChartDefinition } from './types';

/** Hours per municipality for one of the team's familiar tables; entry counts stay in the table. */
export function familiarTableChart(table: FamiliarTableDto): ChartDefinition {
  return tableChart(table.table, { title: `${table.title} – timer`, measure: 'hours', stacked: true });
}
