import { withNoun, type CountNoun } from '../count';

/**
 * Every figure travels with its unit, because the team's old pivot labelled a count of rows as hours.
 * `hours` are clock hours; `personHours` count each participant; `entries` are rows in the time log;
 * `cases` are distinct cases.
 */
export const STATISTIC_UNITS = {
  hours: 'timer',
  personHours: 'persontimer',
  entries: 'registreringer',
  cases: 'saker',
} as const;

export type StatisticMeasure = keyof typeof STATISTIC_UNITS;

/**
 * Every unit a statistics table can show: the time log's, plus those of the case and cost tables. Not
 * pivot measures — the pivot chooses among STATISTIC_UNITS only.
 */
export const TABLE_UNITS = {
  ...STATISTIC_UNITS,
  weeks: 'uker',
  amount: 'kr',
  population: 'innbyggere',
  share: 'prosent',
  hoursPerThousand: 'timer per 1 000 innbyggere',
  answers: 'svar',
  scaleMean: 'snitt på skalaen 1–5',
} as const;
export type TableMeasure = keyof typeof TABLE_UNITS;
export const PIVOT_MEASURES = Object.keys(STATISTIC_UNITS) as StatisticMeasure[];

export const PIVOT_DIMENSIONS = ['municipality', 'category', 'month', 'member', 'case'] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];
/** Columns may be «none»: one column of figures beside the row labels. */
export type PivotColumnDimension = PivotDimension | 'none';

/** The case and cost tables the statistics screen, its export and the annual report can show. */
export const CASE_TABLE_KEYS = ['caseFigures', 'caseload', 'lastingChangeClosure', 'lastingChangeAfterContact'] as const;
export type CaseTableKey = (typeof CASE_TABLE_KEYS)[number];
export const COST_TABLE_KEYS = ['costByModel', 'costAndHelp'] as const;
export type CostTableKey = (typeof COST_TABLE_KEYS)[number];

export const CASE_TABLE_TITLE: Record<CaseTableKey, string> = {
  caseFigures: 'Saker per kommune',
  caseload: 'Saker per teammedlem',
  lastingChangeClosure: 'Varig endring fra start til avslutning',
  lastingChangeAfterContact: 'Varig endring fra start til tre måneder etter',
};
export const COST_TABLE_TITLE: Record<CostTableKey, string> = {
  costByModel: 'Kostnad per kommune etter modell',
  costAndHelp: 'Andel av kostnad og andel av hjelp',
};

/** Norwegian words for the pivot's choices, shared by the screen, the Excel export and the reports. */
export const DIMENSION_LABEL: Record<PivotColumnDimension, string> = {
  municipality: 'Kommune',
  category: 'Hendelse',
  month: 'Måned',
  member: 'Teammedlem',
  case: 'Sak',
  none: 'Ingen (én kolonne)',
};

export const MEASURE_LABEL: Record<StatisticMeasure, string> = {
  hours: 'Timer',
  personHours: 'Persontimer',
  entries: 'Registreringer',
  cases: 'Saker',
};

/** Short units for table cells; the table's caption spells them out. */
export const UNIT_ABBREVIATION: Record<TableMeasure, string> = {
  hours: 't',
  personHours: 'pt',
  entries: 'reg.',
  cases: 'saker',
  weeks: 'uker',
  amount: 'kr',
  population: 'innb.',
  share: '%',
  hoursPerThousand: 't per 1 000 innb.',
  answers: 'svar',
  scaleMean: 'av 5',
};

/** How the team writes months: the short forms from the Norwegian dictionary. */
export const MONTH_LABEL = ['jan.', 'feb.', 'mars', 'april', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'] as const;

/** «2021-03» → «mars» within one year, «mars 2021» when the period spans years. */
export function monthLabel(yearMonth: string, withYear: boolean): string {
  const [year, month] = yearMonth.split('-');
  const name = MONTH_LABEL[Number(month) - 1] ?? yearMonth;
  return withYear ? `${name} ${year}` : name;
}

/** Hours keep one decimal; counts are whole. Decides the Excel number format too. */
export function measureDecimals(measure: TableMeasure): 0 | 1 {
  return measure === 'hours' ||
    measure === 'personHours' ||
    measure === 'weeks' ||
    measure === 'share' ||
    measure === 'hoursPerThousand' ||
    measure === 'scaleMean'
    ? 1
    : 0;
}

// Built on first use, not at import: the first Intl object loads the locale data (see isoDateInOslo, dates.ts).
const formats: Partial<Record<0 | 1, Intl.NumberFormat>> = {};

/** «1 234,5» with a normal space between thousands, so copied figures paste cleanly. */
export function formatMeasureValue(value: number, measure: TableMeasure): string {
  const decimals = measureDecimals(measure);
  formats[decimals] ??= new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
  return formats[decimals].format(value).replace(/\u00a0/g, ' ');
}

/**
 * Units that are whole words agree with the number («1 sak», «2 saker»); the abbreviations in table
 * cells («t», «reg.», «innb.») are the same for one and many.
 */
const CELL_UNIT_NOUN: Partial<Record<TableMeasure, CountNoun>> = { cases: 'sak', weeks: 'uke', answers: 'svar' };

/** «1 234,5 t», «3 reg.», «1 sak», «2 saker». */
export function formatMeasureWithUnit(value: number, measure: TableMeasure): string {
  const printed = formatMeasureValue(value, measure);
  const noun = CELL_UNIT_NOUN[measure];
  return noun ? withNoun(printed, noun) : `${printed} ${UNIT_ABBREVIATION[measure]}`;
}

/** The spelled-out units (TABLE_UNITS) as nouns that agree with the number; the rest never change. */
const SPELLED_UNIT_NOUN: Partial<Record<TableMeasure, { noun: CountNoun; after?: string }>> = {
  hours: { noun: 'time' },
  personHours: { noun: 'persontime' },
  entries: { noun: 'registrering' },
  cases: { noun: 'sak' },
  weeks: { noun: 'uke' },
  population: { noun: 'innbygger' },
  hoursPerThousand: { noun: 'time', after: 'per 1 000 innbyggere' },
  answers: { noun: 'svar' },
};

/** «1 time», «2,5 timer», «1 sak», «12 prosent»: a figure with its unit written out, for charts and prose. */
export function formatMeasureSpelledOut(value: number, measure: TableMeasure): string {
  const printed = formatMeasureValue(value, measure);
  const unit = SPELLED_UNIT_NOUN[measure];
  if (!unit) return `${printed} ${TABLE_UNITS[measure]}`;
  return unit.after ? `${withNoun(printed, unit.noun)} ${unit.after}` : withNoun(printed, unit.noun);
}

/** «Brukeroppfølging (timer)»: how a column is headed where the unit must be spelled out. */
export function headingWithUnit(label: string, measure: TableMeasure): string {
  return `${label} (${TABLE_UNITS[measure]})`;
}

/**
 * What a member's figure means: an entry counts in full for each member who took part, so a member's
 * hours are the hours of the entries they were on — person-hours split by member. Their sum is the
 * person-hours, not the clock hours.
 */
export const MEMBER_DIMENSION_NOTE =
  'Per teammedlem teller en registrering med sine fulle timer for hver deltaker (persontimer fordelt på medlem). Totalsummen teller hver registrering én gang.';
