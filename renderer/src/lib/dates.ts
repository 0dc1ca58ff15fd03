import { isoDateInOslo } from '@shared/dates';

/** Today's date where the team works, whatever the computer's time zone says. */
export function todayIso(): string {
  return isoDateInOslo(new Date());
}

export function currentYear(): number {
  return Number(todayIso().slice(0, 4));
}
