import { isIsoDate } from '@shared/dates';
import { todayIso } from '@renderer/lib/dates';

const KEY = 'ettervern.timer.sisteDato';

/**
 * The date of the last saved entry, so a week's entries can be typed one after another. Kept for the
 * window's lifetime only: tomorrow the form should start at today again.
 */
export function readLastDate(): string {
  try {
    const stored = window.sessionStorage.getItem(KEY);
    if (stored && isIsoDate(stored)) return stored;
  } catch {
    // Storage can be switched off; today is a fine default then.
  }
  return todayIso();
}

export function rememberLastDate(isoDate: string): void {
  try {
    window.sessionStorage.setItem(KEY, isoDate);
  } catch {
    // See readLastDate.
  }
}
