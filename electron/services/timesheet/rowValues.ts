import { parseNorwegianDate, toIsoDate } from '@shared/dates';
import { minutesFromHours, parseHours } from '@shared/hours';
import type { RawCell } from './types';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Serial numbers of 01.01.2000 and 31.12.2099: a bare number in the date column outside these is not a date. */
const FIRST_SERIAL = 36_526;
const LAST_SERIAL = 73_050;

export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return 'date' in cell ? cell.date : '';
}

/** Excel dates (already ISO from the reader), serial numbers without a date format, and «03.02.2020», «3.2.20». */
export function readDate(cell: RawCell): Read<string> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: false, reason: 'Dato mangler' };
  if (typeof cell === 'object' && 'error' in cell) return { ok: false, reason: 'Datocellen har en formelfeil' };
  if (typeof cell === 'object') return { ok: true, value: cell.date };
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < FIRST_SERIAL || cell > LAST_SERIAL) return { ok: false, reason: 'Dato er ikke en gyldig dato' };
    const date = new Date(EXCEL_EPOCH_UTC + cell * 86_400_000);
    return { ok: true, value: toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) };
  }
  const iso = typeof cell === 'string' ? parseNorwegianDate(cell) : null;
  return iso ? { ok: true, value: iso } : { ok: false, reason: 'Dato er ikke en gyldig dato (bruk dd.mm.åååå)' };
}

/** Hours as numbers or as text with a decimal comma; whole and half hours only, as the team always logged. */
export function readMinutes(cell: RawCell): Read<number> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: false, reason: 'Tidsbruk mangler' };
  if (typeof cell === 'object' && 'error' in cell) return { ok: false, reason: 'Tidsbruk har en formelfeil' };
  if (typeof cell === 'boolean' || typeof cell === 'object') return { ok: false, reason: 'Tidsbruk må være et tall' };
  const parsed = typeof cell === 'number' ? minutesFromHours(cell) : parseHours(cell);
  return parsed.ok ? { ok: true, value: parsed.minutes } : { ok: false, reason: parsed.message };
}
