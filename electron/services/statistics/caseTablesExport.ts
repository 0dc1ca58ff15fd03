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
import type { ServiceContext } from '../context';
import { costShare } from './costShare';
import { lastingChange } from './lastingChange';
import { periodRange } from './period';

/** A case table built again on the server, from the services, for the .xlsx export. */
export function caseTable(ctx: ServiceContext, period: StatisticsPeriod, key: CaseTableKey): StatisticsTableDto<TableValue> {
  const { label } = periodRange(period);
  if (key === 'caseFigures') return caseFiguresTable(caseFigures(ctx, period), label);
  if (key === 'caseload') return caseloadTable(caseFigures(ctx, period), label);
  return lastingChangeTable(lastingChange(ctx, period), key, label);
}

export function costTable(ctx: ServiceContext, year: number, key: CostTableKey): StatisticsTableDto<TableValue> {
  const dto = costShare(ctx, { year });
  return key === 'costByModel' ? costByModelTable(dto) : costAndHelpTable(dto);
}

/** The cost tables are per calendar year: a date range gives the year it ends in. */
export function calendarYearOf(period: StatisticsPeriod): number {
  return 'year' in period ? period.year : Number(period.to.slice(0, 4));
}
