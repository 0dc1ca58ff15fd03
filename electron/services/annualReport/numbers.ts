import { formatHours, formatInteger } from '../../../shared/format';
import type { ReportColumnFormat, ReportValue } from './reportTable';

/**
 * A figure as printed on paper: decimal comma, thousands with a non-breaking space so «1 234,5» never
 * breaks across lines in a narrow column. Text (such as «færre enn 5») passes through.
 */
export function printedValue(value: ReportValue, format: ReportColumnFormat): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const text =
    format === 'share' ? `${formatHours(value * 6000)} %` : format === 'hours' || format === 'decimal' ? formatHours(value * 60) : formatInteger(value);
  return text.replace(/ /g, '\u00a0');
}
