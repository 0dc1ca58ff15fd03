/**
 * The sections of the annual report, in the order of the team's 2020 report. Each section has an
 * introductory text the team writes per year in the app; the tables and charts under it come from the
 * statistics. The key is stored in the database (annual_report_texts.section), so keys are permanent.
 */
export const ANNUAL_REPORT_SECTIONS = [
  { key: 'team', heading: 'Om ettervernsteamet', hint: 'Hvem teamet er, mandat, bemanning og hvordan dere jobber.', textOnly: true },
  { key: 'cases', heading: 'Saker', hint: 'Hva tallene for saker viser: henvisninger, oppstart, avslutninger og oppfølging i institusjon.', textOnly: false },
  { key: 'resources', heading: 'Ressursbruk', hint: 'Hvordan timene er brukt, og hva kommunene bør merke seg i tabellene.', textOnly: false },
  {
    key: 'partners',
    heading: 'Samarbeidspartnere og nettverksarbeid',
    hint: 'Samarbeid med kommuner, institusjoner og andre, og nettverksarbeidet i året.',
    textOnly: false,
  },
  { key: 'lastingChange', heading: 'Varig endring', hint: 'Hva kontakten tre måneder etter avslutning viser om varig endring.', textOnly: false },
  { key: 'evaluations', heading: 'Brukerevalueringer', hint: 'Hva brukerne sier om oppfølgingen i evalueringsskjemaene.', textOnly: false },
  { key: 'incidents', heading: 'Avvik og hendelser', hint: 'Avvik, alvorlige hendelser og sikkerhetsarbeid i året.', textOnly: true },
  { key: 'plans', heading: 'Planer for neste år', hint: 'Hva teamet ønsker å få til i året som kommer.', textOnly: true },
] as const;

export type AnnualReportSection = (typeof ANNUAL_REPORT_SECTIONS)[number]['key'];

export const ANNUAL_REPORT_SECTION_KEYS = ANNUAL_REPORT_SECTIONS.map((s) => s.key) as [AnnualReportSection, ...AnnualReportSection[]];

/** Several pages of text per section is plenty; the limit keeps a pasted document out of the database. */
export const ANNUAL_REPORT_TEXT_MAX_LENGTH = 8000;

/** The plans section looks ahead: «Planer for 2021» in the 2020 report. */
export function sectionHeading(section: AnnualReportSection, year: number): string {
  if (section === 'plans') return `Planer for ${year + 1}`;
  return ANNUAL_REPORT_SECTIONS.find((s) => s.key === section)!.heading;
}

export const ANNUAL_REPORT_TITLE = 'Årsrapport ettervernsteamet';

export function annualReportFileName(year: number, extension: 'docx' | 'xlsx'): string {
  return `${ANNUAL_REPORT_TITLE} ${year}.${extension}`;
}

/** Printed in the page header of every page of the Word report. */
export const ANNUAL_REPORT_HEADER = 'Fauske kommune – Enhet Helse / Interkommunalt ambulerende ettervernsteam';

/**
 * The chapters the team has written nothing for, in report order. A text-only chapter (no tables under
 * it) is then left out of the report; the others print their tables without an introduction.
 */
export function chaptersWithoutText(sections: readonly { section: AnnualReportSection; heading: string; text: string | null }[]) {
  return sections
    .filter((s) => s.text === null || s.text.trim() === '')
    .map((s) => ({ section: s.section, heading: s.heading, leftOut: ANNUAL_REPORT_SECTIONS.find((d) => d.key === s.section)!.textOnly }));
}

/** One sentence for the screen and the command line: which chapters are empty and what happens to them. */
export function chaptersWithoutTextMessage(missing: readonly { heading: string; leftOut: boolean }[]): string | null {
  if (missing.length === 0) return null;
  const leftOut = missing.filter((m) => m.leftOut).map((m) => `«${m.heading}»`);
  const tablesOnly = missing.filter((m) => !m.leftOut).map((m) => `«${m.heading}»`);
  const parts = [
    leftOut.length > 0 ? `${joinNorwegian(leftOut)} har ingen tekst og blir utelatt fra rapporten.` : '',
    tablesOnly.length > 0 ? `${joinNorwegian(tablesOnly)} har ingen tekst og får bare tabeller og figurer.` : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

function joinNorwegian(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}
