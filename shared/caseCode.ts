/**
 * Case codes `NN/YY-XX`: running number within municipality and year, two-digit year, municipality code.
 * The code is the case's only identity in Ettervern; it must never carry anything about the person.
 */
export interface CaseCodeParts {
  runningNumber: number;
  year: number;
  municipalityCode: string;
}

// Two letters, Norwegian letters included (SØ, RØ). Running number at least two digits, more when a
// municipality passes 99 cases in a year.
const CASE_CODE_PATTERN = /^(\d{2,3})\/(\d{2})-([A-ZÆØÅ]{2})$/u;

export function formatCaseCode(parts: CaseCodeParts): string {
  if (!Number.isInteger(parts.runningNumber) || parts.runningNumber < 1 || parts.runningNumber > 999) {
    throw new RangeError('Løpenummeret må være mellom 1 og 999');
  }
  const yy = String(parts.year % 100).padStart(2, '0');
  return `${String(parts.runningNumber).padStart(2, '0')}/${yy}-${parts.municipalityCode.toUpperCase()}`;
}

/** Parses a code, accepting lower case and surrounding spaces. `pivotYear` picks the century of YY. */
export function parseCaseCode(input: string, pivotYear = 2000): CaseCodeParts | null {
  const match = CASE_CODE_PATTERN.exec(input.trim().toLocaleUpperCase('nb'));
  if (!match) return null;
  const [, nn, yy, code] = match as unknown as [string, string, string, string];
  const runningNumber = Number(nn);
  if (runningNumber < 1) return null;
  return { runningNumber, year: pivotYear + Number(yy), municipalityCode: code };
}

export function isCaseCode(input: string): boolean {
  return parseCaseCode(input) !== null;
}

/** One spelling per case: «001/20-st» and «01/20-ST» are the same code, so both store and find «01/20-ST». */
export function normaliseCaseCode(input: string): string {
  const upper = input.trim().toLocaleUpperCase('nb');
  const parts = parseCaseCode(upper);
  return parts ? formatCaseCode(parts) : upper;
}
