/**
 * Norwegian presentation: dd.mm.yyyy dates, decimal comma, æøå sorted after z. One place, so the
 * screen, the CLI and later the documents print the same way.
 */
import { formatInteger, withNoun } from './count';

export { formatInteger } from './count';

const hoursFormat = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 1 });

export const norwegianCollator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export function compareNorwegian(a: string, b: string): number {
  return norwegianCollator.compare(a, b);
}

export function minutesToHours(minutes: number): number {
  return minutes / 60;
}

/** «1,5» — hours with a decimal comma; the caller adds the unit. Uses normal spaces as thousand separators. */
export function formatHours(minutes: number): string {
  return hoursFormat.format(minutes / 60).replace(/\u00a0/g, ' ');
}

export function formatHoursWithUnit(minutes: number): string {
  return withNoun(formatHours(minutes), 'time');
}

/** ISO `YYYY-MM-DD` → `dd.mm.yyyy`. */
export function formatNorwegianDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** ISO UTC timestamp → `dd.mm.yyyy hh:mm` in Norwegian local time. */
export function formatNorwegianDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(date)
    .replace(',', '');
}

/** «12,5 timer · 25 persontimer · 9 registreringer»: every figure names its unit, in singular or plural. */
export function formatTimeTotals(totals: { minutes: number; personMinutes: number; entries: number }): string {
  return [
    withNoun(formatHours(totals.minutes), 'time'),
    withNoun(formatHours(totals.personMinutes), 'persontime'),
    withNoun(formatInteger(totals.entries), 'registrering'),
  ].join(' · ');
}
