import type { StatisticsTableDto, TableValue } from '@shared/contract';
import {
  caseFiguresTable,
  caseloadTable,
  costAndHelpTable,
  costByModelTable,
  lastingChangeTable,
  type CaseTableKey,
  type CostTableKey,
} from '@shared/tables/caseTables';
import type { StatisticsPeriod } from '@shared/contract';
import { caseFigures } from './caseFigures';
import type { DbContext } from '../context';
import { costShare } from './costShare';
import { lastingChange } from './lastingChange';
import { periodRange } from './period';

/** A case table built again on the server, from the services, for the .xlsx export. */
export async function caseTable(ctx: DbContext, period: StatisticsPeriod, key: CaseTableKey): Promise<StatisticsTableDto<TableValue>> {
  const { label } = periodRange(period);
  if (key === 'caseFigures') return caseFiguresTable(await caseFigures(ctx, period), label);
  if (key === 'caseload') return caseloadTable(await caseFigures(ctx, period), label);
  return lastingChangeTable(await lastingChange(ctx, period), key, label);
}

export async function costTable(ctx: DbContext, year: number, key: CostTableKey): Promise<StatisticsTableDto<TableValue>> {
  const dto = await costShare(ctx, { year });
  return key === 'costByModel' ? costByModelTable(dto) : costAndHelpTable(dto);
}

/** The cost tables are per calendar year: a date range gives the year it ends in. */
export function calendarYearOf(period: StatisticsPeriod): number {
  return 'year' in period ? period.year : Number(period.to.slice(0, 4));
}
