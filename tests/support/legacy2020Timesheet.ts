import { addDays } from '@shared/dates';
import { excelDate, type SheetRows } from './timesheetFiles';

/**
 * The team's own 2020 time sheet is not in the repository (it holds case codes and dates of real people), so
 * this builds one in its shape — the five columns Sak, Dato, Kommune, Hendelse, Tidsbruk, in whole and half
 * hours, with the event names as the team typed them — whose rows add up to the figures the 2020 annual report
 * printed in «Statistikk av ressursbruk» and says in its text.
 */

/** «Brukeroppfølging i institusjon og etter endt opphold i institusjon 2020»: hours in institution, after. */
export const FOLLOW_UP_2020: Record<string, [institution: number, afterDischarge: number]> = {
  Beiarn: [0, 23],
  Fauske: [28, 306],
  Gildeskål: [0, 73],
  Meløy: [0, 79],
  Saltdal: [0, 16],
  Steigen: [2, 2],
};

/** «Kjøring 2020»: hours. */
export const DRIVING_2020: Record<string, number> = { Beiarn: 9, Fauske: 69, Gildeskål: 32, Hamarøy: 1, Meløy: 14, Saltdal: 9, Steigen: 2, Sørfold: 1 };

/** «Samarbeidspartnere 2020» was «Antall av Tidsbruk»: a count of rows, not hours. */
export const PARTNER_ENTRIES_2020: Record<string, number> = {
  Beiarn: 14,
  Fauske: 111,
  Felles: 7,
  Gildeskål: 24,
  Hamarøy: 3,
  Meløy: 30,
  Saltdal: 4,
  Steigen: 5,
  Sørfold: 2,
};

/** The report gives no hours for a partner row; half an hour each keeps hours and rows apart. */
export const PARTNER_ROW_HOURS = 0.5;

/** «Teamet har til sammen hatt 15 saker. Ti på Fauske, to i Saltdal, en i Beiarn, en i Meløy og en i Gildeskål.» */
export const CASES_2020: Record<string, number> = { Fauske: 10, Saltdal: 2, Beiarn: 1, Meløy: 1, Gildeskål: 1 };

/** «Vi har hatt oppfølging av to brukere mens de var i institusjon. Begge i Fauske kommune.» */
const INSTITUTION_CASES = ['01/20-FA', '02/20-FA'];

const CODES: Record<string, string> = { Fauske: 'FA', Saltdal: 'SA', Beiarn: 'BE', Meløy: 'ME', Gildeskål: 'GI' };

/** The case codes of a municipality, in the report's own form (02/20-ST). */
function casesOf(municipality: string): string[] {
  const count = CASES_2020[municipality] ?? 0;
  return Array.from({ length: count }, (_, i) => `${String(i + 1).padStart(2, '0')}/20-${CODES[municipality]}`);
}

/** The working days of 2020, so the rows fall on days the team worked. */
const WORKDAYS = Array.from({ length: 366 }, (_, i) => addDays('2020-01-01', i)).filter((d) => {
  const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
});

/** Whole and half hours as a day's work comes: a varying length, the last row what is left. */
const LENGTHS = [2, 1.5, 3, 1, 2.5, 0.5, 1, 2];

function pieces(hours: number): number[] {
  const result: number[] = [];
  for (let left = hours, i = 0; left > 0; i++) {
    const piece = Math.min(LENGTHS[i % LENGTHS.length]!, left);
    result.push(piece);
    left -= piece;
  }
  return result;
}

/**
 * The sheet's rows under its headings. Follow-up and driving in a member municipality with cases go on its
 * cases in turn; Steigen, Hamarøy and Sørfold had no case (the report says so), so their rows leave «Sak»
 * empty as the team did for work not tied to a case, and so does «Felles».
 */
export function legacy2020Rows(): SheetRows {
  const rows: SheetRows = [];
  let day = 0;
  const add = (caseCode: string, municipality: string, event: string, hours: number) =>
    rows.push([caseCode, excelDate(WORKDAYS[(day++ * 37) % WORKDAYS.length]!), municipality, event, hours]);
  const onCases = (municipality: string, event: string, amounts: number[], cases = casesOf(municipality)) =>
    amounts.forEach((hours, i) => add(cases.length > 0 ? cases[i % cases.length]! : '', municipality, event, hours));

  for (const [municipality, [institution, after]] of Object.entries(FOLLOW_UP_2020)) {
    onCases(municipality, 'Institusjon bruker', pieces(institution), municipality === 'Fauske' ? INSTITUTION_CASES : []);
    onCases(municipality, 'Bruker oppfølging', pieces(after));
  }
  for (const [municipality, hours] of Object.entries(DRIVING_2020)) onCases(municipality, 'Kjøring', pieces(hours));
  for (const [municipality, count] of Object.entries(PARTNER_ENTRIES_2020)) {
    onCases(municipality, 'Samarbeidspartnere', Array<number>(count).fill(PARTNER_ROW_HOURS));
  }
  return rows;
}

/** The workbook as the team kept it: a title line, the five headings, then the rows. */
export function legacy2020Sheet(): SheetRows {
  return [['Ressursbruk ettervernsteamet 2020'], [], ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'], ...legacy2020Rows()];
}
