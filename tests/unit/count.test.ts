import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNT_NOUNS, formatCount, formatInteger, nounFor, withNoun, type CountNoun } from '@shared/count';
import { formatMeasureSpelledOut, formatMeasureWithUnit } from '@shared/domain/statistics';
import { formatHoursWithUnit } from '@shared/format';

describe('number agreement', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(formatCount(1, 'sak')).toBe('1 sak');
    expect(formatCount(2, 'sak')).toBe('2 saker');
    expect(formatCount(0, 'sak')).toBe('0 saker');
    expect(formatCount(1, 'registrering')).toBe('1 registrering');
    expect(formatCount(21, 'registrering')).toBe('21 registreringer');
    expect(formatCount(1, 'uke')).toBe('1 uke');
    expect(formatCount(1, 'rad')).toBe('1 rad');
    expect(formatCount(-1, 'time')).toBe('\u22121 time');
  });

  it('groups thousands with a normal space', () => {
    expect(formatCount(1234, 'hendelse')).toBe('1 234 hendelser');
    expect(formatInteger(1_234_567)).toBe('1 234 567');
  });

  it('decides on the number as printed, so a rounded «1» is singular and a half is plural', () => {
    expect(withNoun('1', 'time')).toBe('1 time');
    expect(withNoun('1,5', 'time')).toBe('1,5 timer');
    expect(withNoun('0,5', 'time')).toBe('0,5 timer');
    expect(withNoun('11', 'time')).toBe('11 timer');
    expect(withNoun('1 001', 'sak')).toBe('1 001 saker');
    // 61 minutes print as «1»: one hour, not «1 timer».
    expect(formatHoursWithUnit(61)).toBe('1 time');
    expect(formatHoursWithUnit(90)).toBe('1,5 timer');
  });

  it('has a distinct singular and plural for every registered noun (only «svar» is the same)', () => {
    for (const [noun, [one, many]] of Object.entries(COUNT_NOUNS) as [CountNoun, readonly [string, string]][]) {
      expect(nounFor('1', noun)).toBe(one);
      expect(nounFor('2', noun)).toBe(many);
      if (noun !== 'svar') expect(one).not.toBe(many);
    }
  });

  it('makes the statistics units agree too: cells and spelled-out chart labels', () => {
    expect(formatMeasureWithUnit(1, 'cases')).toBe('1 sak');
    expect(formatMeasureWithUnit(2, 'cases')).toBe('2 saker');
    expect(formatMeasureWithUnit(1, 'weeks')).toBe('1 uke');
    expect(formatMeasureWithUnit(1, 'hours')).toBe('1 t');
    expect(formatMeasureSpelledOut(1, 'cases')).toBe('1 sak');
    expect(formatMeasureSpelledOut(1, 'hours')).toBe('1 time');
    expect(formatMeasureSpelledOut(2.5, 'hours')).toBe('2,5 timer');
    expect(formatMeasureSpelledOut(1, 'entries')).toBe('1 registrering');
    expect(formatMeasureSpelledOut(1, 'hoursPerThousand')).toBe('1 time per 1 000 innbyggere');
    expect(formatMeasureSpelledOut(12.5, 'share')).toBe('12,5 prosent');
  });
});

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(ROOT, folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('one helper for number agreement', () => {
  it('finds no hand-made «n === 1 ? singular : plural» of a registered noun in the screens, services or shared code', () => {
    const words = Object.values(COUNT_NOUNS).flat().join('|');
    // `x === 1 ? 'sak' : 'saker'`, `=== 1 ? '1 registrering'`, and the reverse `!== 1`.
    const handMade = new RegExp(`[!=]== ?1 \\? ['\`](1 )?(${words})['\`]`);
    const offenders = ['renderer/src', 'electron/services', 'shared']
      .flatMap(sourceFiles)
      .filter((file) => handMade.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
