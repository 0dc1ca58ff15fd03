import { describe, expect, it } from 'vitest';
import { formatCaseCode, isCaseCode, normaliseCaseCode, parseCaseCode } from '@shared/caseCode';

describe('formatCaseCode', () => {
  it('pads the running number and the year to two digits', () => {
    expect(formatCaseCode({ runningNumber: 2, year: 2020, municipalityCode: 'ST' })).toBe('02/20-ST');
    expect(formatCaseCode({ runningNumber: 11, year: 2023, municipalityCode: 'FA' })).toBe('11/23-FA');
    expect(formatCaseCode({ runningNumber: 1, year: 2005, municipalityCode: 'BE' })).toBe('01/05-BE');
  });

  it('keeps Norwegian letters in the municipality code and upper-cases it', () => {
    expect(formatCaseCode({ runningNumber: 1, year: 2020, municipalityCode: 'SØ' })).toBe('01/20-SØ');
    expect(formatCaseCode({ runningNumber: 3, year: 2021, municipalityCode: 'rø' })).toBe('03/21-RØ');
  });

  it('writes three digits once a municipality passes 99 cases in a year', () => {
    expect(formatCaseCode({ runningNumber: 100, year: 2020, municipalityCode: 'FA' })).toBe('100/20-FA');
    expect(formatCaseCode({ runningNumber: 999, year: 2020, municipalityCode: 'FA' })).toBe('999/20-FA');
  });

  it.each([0, -1, 1000, 1.5, Number.NaN])('refuses running number %s', (runningNumber) => {
    expect(() => formatCaseCode({ runningNumber, year: 2020, municipalityCode: 'ST' })).toThrow(RangeError);
  });
});

describe('parseCaseCode', () => {
  it('reads the parts of a code', () => {
    expect(parseCaseCode('02/20-ST')).toEqual({ runningNumber: 2, year: 2020, municipalityCode: 'ST' });
    expect(parseCaseCode('123/24-ME')).toEqual({ runningNumber: 123, year: 2024, municipalityCode: 'ME' });
  });

  it.each([
    ['01/20-SØ', 'SØ'],
    ['01/20-RØ', 'RØ'],
    ['01/20-ÆÅ', 'ÆÅ'],
    ['01/20-sø', 'SØ'],
    ['01/20-st', 'ST'],
    ['  07/21-ha  ', 'HA'],
  ])('accepts %j as municipality %s', (input, code) => {
    expect(parseCaseCode(input)?.municipalityCode).toBe(code);
  });

  it('uses the pivot year for the century', () => {
    expect(parseCaseCode('01/99-FA', 1900)?.year).toBe(1999);
  });

  it.each([
    '',
    '1/20-ST',
    '0001/20-ST',
    '00/20-ST',
    '01/2020-ST',
    '01/20-S',
    '01/20-STE',
    '01-20-ST',
    '01/20ST',
    '01/20-S1',
    '01 /20-ST',
    'ST-01/20',
    '01/20-ST;drop',
  ])('refuses %j', (input) => {
    expect(parseCaseCode(input)).toBeNull();
    expect(isCaseCode(input)).toBe(false);
  });
});

describe('normaliseCaseCode', () => {
  it('trims and upper-cases with Norwegian letters', () => {
    expect(normaliseCaseCode(' 01/20-sø ')).toBe('01/20-SØ');
  });

  it('gives one spelling for codes that mean the same case', () => {
    expect(normaliseCaseCode('001/20-ST')).toBe(normaliseCaseCode('01/20-ST'));
    expect(normaliseCaseCode('001/20-ST')).toBe('01/20-ST');
  });
});
