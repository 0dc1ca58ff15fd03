import type { StatisticsPeriod } from '@shared/contract';
import { yearRange } from '@shared/dates';
import { formatNorwegianDate } from '@shared/format';
import { invalidField } from '../errors/serviceError';

/** A year or a range as two ISO dates, both included; a range ending before it starts is refused. */
export function periodRange(period: StatisticsPeriod): { from: string; to: string; label: string } {
  if ('year' in period) return { ...yearRange(period.year), label: String(period.year) };
  if (period.from > period.to) throw invalidField('to', 'Fra-datoen må være før eller lik til-datoen');
  return { from: period.from, to: period.to, label: `${formatNorwegianDate(period.from)}–${formatNorwegianDate(period.to)}` };
}
