/**
 * Time is stored as integer minutes and entered as hours in whole and half hours, the way the team has
 * always logged it. Parsing accepts what people type: «1,5», «1.5», «1½», «½», «2», and the clock and
 * unit forms of Excel habit: «1:30», «1t 30m», «1 t», «90m», «90 min».
 */
export const MINUTES_PER_STEP = 30;
/** One entry may cover a whole day (a night away with a client), never more. */
export const MAX_MINUTES_PER_ENTRY = 24 * 60;
/** Nobody works more than 24 hours in a day: a member's entries on one date add up to at most this. */
export const MAX_MINUTES_PER_DAY = 24 * 60;

export type HoursParseResult = { ok: true; minutes: number } | { ok: false; message: string };

export const HOURS_MESSAGES = {
  notANumber: 'Tidsbruk må være et tall, for eksempel 1,5',
  notHalfHour: 'Tidsbruk må være i hele eller halve timer',
  notPositive: 'Tidsbruk må være mer enn 0 timer',
  tooLarge: 'Tidsbruk kan ikke være mer enn 24 timer i én registrering',
} as const;

export function parseHours(input: string | number): HoursParseResult {
  let hours: number;
  if (typeof input === 'number') {
    hours = input;
  } else {
    // Spaces only before «½» («1 ½»): stripping them everywhere would read «1 5» as 15 hours.
    const text = input.trim();
    const fraction = /^(\d*)\s*½$/u.exec(text);
    const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
    const units = /^(?:(\d{1,2})\s*t(?:imer|ime)?)?\s*(?:(\d{1,4})\s*m(?:in)?)?$/i.exec(text);
    if (clock) {
      hours = Number(clock[1]) + Number(clock[2]) / 60;
    } else if (units && (units[1] !== undefined || units[2] !== undefined)) {
      hours = Number(units[1] ?? 0) + Number(units[2] ?? 0) / 60;
    } else if (fraction) {
      hours = (fraction[1] ? Number(fraction[1]) : 0) + 0.5;
    } else if (/^\d+([.,]\d+)?$/.test(text)) {
      hours = Number(text.replace(',', '.'));
    } else {
      return { ok: false, message: HOURS_MESSAGES.notANumber };
    }
  }
  if (!Number.isFinite(hours)) return { ok: false, message: HOURS_MESSAGES.notANumber };
  return minutesFromHours(hours);
}

export function minutesFromHours(hours: number): HoursParseResult {
  if (!Number.isFinite(hours)) return { ok: false, message: HOURS_MESSAGES.notANumber };
  if (hours <= 0) return { ok: false, message: HOURS_MESSAGES.notPositive };
  const halfHours = hours * 2;
  if (Math.abs(halfHours - Math.round(halfHours)) > 1e-9) return { ok: false, message: HOURS_MESSAGES.notHalfHour };
  const minutes = Math.round(halfHours) * MINUTES_PER_STEP;
  // A tiny positive amount passes the tolerance above but would round to an entry of 0 minutes.
  if (minutes === 0) return { ok: false, message: HOURS_MESSAGES.notHalfHour };
  if (minutes > MAX_MINUTES_PER_ENTRY) return { ok: false, message: HOURS_MESSAGES.tooLarge };
  return { ok: true, minutes };
}

export function isValidEntryMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_MINUTES_PER_ENTRY && minutes % MINUTES_PER_STEP === 0;
}
