import { addDays } from '@shared/dates';

/** Weekday of an ISO date, Monday 0 … Sunday 6 (the Norwegian week). */
function weekdayIndex(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function mondayOf(isoDate: string): string {
  return addDays(isoDate, -weekdayIndex(isoDate));
}

/**
 * The ISO 8601 week number, as Norwegian calendars print it: week 1 is the week with the year's first
 * Thursday, so 31.12.2024 is in week 1 of 2025 and 01.01.2027 in week 53 of 2026.
 */
export function isoWeek(isoDate: string): { week: number; year: number } {
  const thursday = addDays(mondayOf(isoDate), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  const days = (Date.parse(thursday) - Date.parse(firstThursday)) / 86_400_000;
  return { week: Math.round(days / 7) + 1, year };
}

/** The seven dates of the week that starts on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}
