/**
 * Calendar dates are ISO `YYYY-MM-DD` strings everywhere below the UI. These helpers validate real
 * calendar dates (2020-02-30 is refused) and read the Norwegian forms people type (03.02.2020, 3.2.20).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads `dd.mm.yyyy`, `d.m.yy` or ISO. Two-digit years are 20YY. Returns null for anything that is not a real date. */
export function parseNorwegianDate(input: string): string | null {
  const text = input.trim();
  if (isIsoDate(text)) return text;
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const iso = toIsoDate(year, month, day);
  return isIsoDate(iso) ? iso : null;
}

/**
 * What people type into a date field out of Excel habit, read against today's date (ISO): everything
 * parseNorwegianDate reads, plus «3.12» and «3/12» (this year, as Excel does), «031224» and «03122024»
 * (digits only), «i dag», «i går» and «i morgen». Returns null for anything that is not a real date;
 * never throws.
 */
export function parseDateInput(input: string, today: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const relative = RELATIVE_DAYS.get(text.replace(' ', ''));
  if (relative !== undefined) return isIsoDate(today) ? addDays(today, relative) : null;
  const full = parseNorwegianDate(text);
  if (full) return full;
  const year = Number(today.slice(0, 4));
  const noYear = /^(\d{1,2})[./-](\d{1,2})\.?$/.exec(text);
  const digits = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(text);
  const [day, month, yearText] = noYear ? [noYear[1], noYear[2], String(year)] : digits ? [digits[1], digits[2], digits[3]] : [];
  if (day === undefined || month === undefined || yearText === undefined) return null;
  const iso = toIsoDate(yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText), Number(month), Number(day));
  return isIsoDate(iso) ? iso : null;
}

/** «i dag», «i går», «i morgen», with or without the space. A Map, so typed text like «__proto__» finds nothing. */
const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ['idag', 0],
  ['igår', -1],
  ['imorgen', 1],
]);

export function yearRange(year: number): { from: string; to: string } {
  return { from: toIsoDate(year, 1, 1), to: toIsoDate(year, 12, 31) };
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and every save calls
// this. On first use, not at import: the first Intl object loads the locale data, which a command-line call
// that never formats a date should not pay for (electron/cli).
let osloDateFormat: Intl.DateTimeFormat | undefined;

/** The local calendar date (Norway) of an instant, as ISO. */
export function isoDateInOslo(instant: Date): string {
  osloDateFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
  return osloDateFormat.format(instant);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
