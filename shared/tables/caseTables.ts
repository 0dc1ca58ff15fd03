import type { CaseFiguresDto, CostShareDto, LastingChangeDto, StatisticsTableDto, TableMeasure, TableValue } from '../contract';
import type { CaseFiguresRowDto } from '../contract/statistics/caseFigures';
import type { PublishedCount } from '../domain/disclosureControl';
import { CASE_TABLE_TITLE, COST_TABLE_TITLE } from '../domain/statistics';

export { CASE_TABLE_KEYS, CASE_TABLE_TITLE, COST_TABLE_KEYS, COST_TABLE_TITLE, type CaseTableKey, type CostTableKey } from '../domain/statistics';

/**
 * The case and cost figures as statistics tables: the same builders feed the screen, the .xlsx export
 * and the annual report, so all three print the same rows, headings and units.
 */
type Column = StatisticsTableDto<TableValue>['columns'][number];
const column = (key: string, label: string, measure: TableMeasure, total = false): Column => ({ key, label, measure, total });

const CASE_COLUMNS: [keyof Omit<CaseFiguresRowDto, 'municipalityId' | 'municipality' | 'medianBasis'>, string, TableMeasure][] = [
  ['total', 'Saker i alt (henvist eller timer i perioden)', 'cases'],
  ['referred', 'Henvist', 'cases'],
  ['started', 'Startet oppfølging', 'cases'],
  ['activeAtEnd', 'Aktive ved periodens slutt', 'cases'],
  ['closed', 'Avsluttet', 'cases'],
  ['closedWithAfterContact', 'Avsluttet, tremånederskontakt utført', 'cases'],
  ['closedAfterContactNotPossible', 'Avsluttet, tremånederskontakt ikke mulig', 'cases'],
  ['institutionPhase', 'Fulgt opp i institusjonsfasen', 'cases'],
  ['medianFollowUpWeeks', 'Median varighet, start til avslutning', 'weeks'],
];

export const published = (count: PublishedCount | null): TableValue => (count === null ? null : count.kind === 'count' ? count.value : count.label);

export function caseFiguresTable(dto: CaseFiguresDto, periodLabel: string): StatisticsTableDto<TableValue> {
  const values = (figures: Omit<CaseFiguresRowDto, 'municipalityId' | 'municipality'>) =>
    CASE_COLUMNS.map(([key]) => (key === 'medianFollowUpWeeks' ? published(figures[key]) : figures[key]));
  return {
    title: `${CASE_TABLE_TITLE.caseFigures} ${periodLabel}`,
    rowHeader: 'Kommune',
    columns: CASE_COLUMNS.map(([key, label, measure]) => column(key, label, measure)),
    rows: dto.rows.map((r) => ({ key: String(r.municipalityId), label: r.municipality, values: values(r) })),
    totalRow: values(dto.total),
  };
}

/** No total row: a case with two members on it counts for both, so the column does not sum to cases. */
export function caseloadTable(dto: CaseFiguresDto, periodLabel: string): StatisticsTableDto<TableValue> {
  return {
    title: `${CASE_TABLE_TITLE.caseload} ${periodLabel}`,
    rowHeader: 'Teammedlem',
    columns: [column('activeCases', 'Aktive saker ved periodens slutt', 'cases')],
    rows: dto.caseload.map((m) => ({ key: String(m.teamMemberId), label: `${m.name} (${m.initials})`, values: [m.activeCases] })),
    totalRow: null,
  };
}

export function lastingChangeTable(
  dto: LastingChangeDto,
  key: 'lastingChangeClosure' | 'lastingChangeAfterContact',
  periodLabel: string,
): StatisticsTableDto<TableValue> {
  const comparison = dto.comparisons[key === 'lastingChangeClosure' ? 0 : 1]!;
  return {
    title: `${CASE_TABLE_TITLE[key]} ${periodLabel}`,
    rowHeader: 'Livsområde',
    columns: [
      column('bedre', 'Bedre', 'cases'),
      column('uendret', 'Uendret', 'cases'),
      column('verre', 'Verre', 'cases'),
      column('total', 'Vurdert begge ganger', 'cases', true),
    ],
    rows: comparison.rows.map((r) => ({ key: String(r.domainId), label: r.domain, values: [r.bedre, r.uendret, r.verre, r.total].map(published) })),
    totalRow: null,
  };
}

const percent = (share: number) => share * 100;

/** In place of a figure that needs the population when the year's population is not set (never «0 t per 1 000 innb.»). */
export const MISSING_POPULATION_TEXT = 'mangler innbyggertall';
const perThousandValue = (value: number | null): TableValue => value ?? MISSING_POPULATION_TEXT;

export function costByModelTable(dto: CostShareDto): StatisticsTableDto<TableValue> {
  const amount = (r: CostShareDto['rows'][number], model: 'equalBase' | 'bands' | 'extraServices') => r.models?.[model].amount ?? null;
  const computed = dto.rows.some((r) => r.models !== null);
  return {
    title: `${COST_TABLE_TITLE.costByModel} ${dto.year}`,
    rowHeader: 'Kommune',
    columns: [
      column('population', 'Folketall', 'population'),
      column('effectivePopulation', 'Folketall vektet for medlemsmåneder', 'population'),
      column('extraHours', 'Ekstra timer kjøpt', 'hours'),
      column('equalBase', 'Modell 1: likt grunnbeløp + folketall', 'amount'),
      column('bands', 'Modell 2: satser per innbygger', 'amount'),
      column('extraServices', 'Modell 3: grunnbeløp + felles + ekstratjenester', 'amount'),
    ],
    rows: dto.rows.map((r) => ({
      key: String(r.municipalityId),
      label: r.memberMonths < 12 ? `${r.municipality} (${r.memberMonths}/12)` : r.municipality,
      values: [
        r.population > 0 ? r.population : MISSING_POPULATION_TEXT,
        r.population > 0 ? Math.round(r.effectivePopulation) : null,
        r.extraHours,
        amount(r, 'equalBase'),
        amount(r, 'bands'),
        amount(r, 'extraServices'),
      ],
    })),
    totalRow: [
      dto.total.population,
      Math.round(dto.total.effectivePopulation),
      dto.rows.reduce((s, r) => s + r.extraHours, 0),
      ...(computed ? [dto.total.amount, dto.total.amount, dto.total.amount] : [null, null, null]),
    ],
  };
}

export function costAndHelpTable(dto: CostShareDto): StatisticsTableDto<TableValue> {
  const share = (r: CostShareDto['rows'][number], model: 'equalBase' | 'bands' | 'extraServices') => (r.models ? percent(r.models[model].share) : null);
  const computed = dto.rows.some((r) => r.models !== null);
  return {
    title: `${COST_TABLE_TITLE.costAndHelp} ${dto.year}`,
    rowHeader: 'Kommune',
    columns: [
      column('equalBase', 'Kostnad, modell 1', 'share'),
      column('bands', 'Kostnad, modell 2', 'share'),
      column('extraServices', 'Kostnad, modell 3', 'share'),
      column('hoursShare', 'Andel timer', 'share'),
      column('personHoursShare', 'Andel persontimer', 'share'),
      column('casesShare', 'Andel saker', 'share'),
      column('hours', 'Timer', 'hours'),
      column('personHours', 'Persontimer', 'personHours'),
      column('cases', 'Saker', 'cases'),
      column('hoursPerThousand', 'Timer per 1 000 innbyggere', 'hoursPerThousand'),
    ],
    rows: dto.rows.map((r) => ({
      key: String(r.municipalityId),
      label: r.municipality,
      values: [
        share(r, 'equalBase'),
        share(r, 'bands'),
        share(r, 'extraServices'),
        percent(r.hoursShare),
        percent(r.personHoursShare),
        percent(r.casesShare),
        r.hours,
        r.personHours,
        r.cases,
        perThousandValue(r.hoursPerThousand),
      ],
    })),
    totalRow: [
      ...(computed ? [100, 100, 100] : [null, null, null]),
      dto.total.hours > 0 ? 100 : null,
      dto.total.personHours > 0 ? 100 : null,
      dto.total.cases > 0 ? 100 : null,
      dto.total.hours,
      dto.total.personHours,
      dto.total.cases,
      perThousandValue(dto.total.hoursPerThousand),
    ],
  };
}
