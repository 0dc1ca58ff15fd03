import { isIsoDate, parseNorwegianDate } from '@shared/dates';
import type { ValueType } from './command';

/** A calendar year as four digits; whether the year makes sense for the command is the command's to say. */
export const YEAR: ValueType<number> = {
  expected: 'et årstall (ÅÅÅÅ)',
  parse: (text) => (/^\d{4}$/u.test(text) ? Number(text) : undefined),
};

/** A whole number from `min` to `max`. */
export function integerBetween(min: number, max: number): ValueType<number> {
  return {
    expected: `et heltall fra ${min} til ${max}`,
    parse: (text) => {
      const value = /^\d+$/u.test(text) ? Number(text) : NaN;
      return value >= min && value <= max ? value : undefined;
    },
  };
}

/** A date as the team writes it (dd.mm.åååå) or as ISO; the value is ISO `YYYY-MM-DD`. */
export const DATE: ValueType<string> = {
  expected: 'en dato (dd.mm.åååå eller åååå-mm-dd)',
  parse: (text) => {
    const iso = parseNorwegianDate(text);
    return iso && isIsoDate(iso) ? iso : undefined;
  },
};
