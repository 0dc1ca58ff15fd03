import { addDays, toIsoDate } from '@shared/dates';

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function* eachDate(from: string, to: string): Generator<string> {
  for (let date = from; date <= to; date = addDays(date, 1)) yield date;
}

/** Easter Sunday (anonymous Gregorian algorithm): the Easter holidays move every year. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

const holidayCache = new Map<number, Set<string>>();

function publicHolidays(year: number): Set<string> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    holidays = new Set([
      toIsoDate(year, 1, 1),
      addDays(easter, -3),
      addDays(easter, -2),
      addDays(easter, 1),
      toIsoDate(year, 5, 1),
      toIsoDate(year, 5, 17),
      addDays(easter, 39),
      addDays(easter, 50),
      toIsoDate(year, 12, 25),
      toIsoDate(year, 12, 26),
    ]);
    holidayCache.set(year, holidays);
  }
  return holidays;
}

/**
 * How much of a normal working day the team works on a date: a little on weekends and public holidays
 * (follow-up does not stop), less in the summer holiday weeks and around Christmas.
 */
export function workIntensity(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const monthDay = isoDate.slice(5);
  const weekday = dayOfWeek(isoDate);
  if (weekday === 0 || weekday === 6 || publicHolidays(year).has(isoDate)) return 0.06;
  if (monthDay >= '12-24' || monthDay <= '01-01') return 0.25;
  if (monthDay >= '07-01' && monthDay <= '08-05') return 0.45;
  return 1;
}
