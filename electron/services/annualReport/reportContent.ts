import type { ChartDefinition } from '../../../shared/charts/types';
import { hoursByMunicipalityChart } from '../../../shared/charts/hoursByMunicipality';
import type { AnnualPivotDto } from '../../../shared/contract';
import type { CaseFiguresDto } from '../../../shared/contract/caseStatistics';
import { ANNUAL_REPORT_SECTIONS, sectionHeading, type AnnualReportSection } from '../../../shared/domain/annualReport';
import type { ServiceContext } from '../context';
import { caseFigures } from '../caseFigures';
import { costShare } from '../costShare';
import { lastingChange } from '../lastingChange';
import { annualPivot } from '../statistics';
import { caseloadTable, casesByMunicipalityTable, lastingChangeTables } from './caseTables';
import { costShareTable } from './costShareTable';
import { annualReportTexts } from './texts';
import type { ReportTable } from './reportTable';
import { categoryTable, categoryTotalsTable, fullPivotTable, municipalityTotalsTable } from './resourceTables';

export interface ReportSectionContent {
  section: AnnualReportSection;
  heading: string;
  /** The team's own words for the year; null prints the tables only. */
  text: string | null;
  tables: ReportTable[];
  charts: ChartDefinition[];
}

export interface AnnualReportContent {
  year: number;
  /** False for a year without a single time entry: the report then says so instead of printing empty tables. */
  hasData: boolean;
  sections: ReportSectionContent[];
  /** Tables that go to the spreadsheet only (too wide for a page). */
  spreadsheetOnly: ReportTable[];
}

/** What a section prints under its text, given the year's figures. */
interface SectionFigures {
  pivot: AnnualPivotDto;
  cases: CaseFiguresDto;
}

type SectionBuilder = (ctx: ServiceContext, figures: SectionFigures) => Pick<ReportSectionContent, 'tables' | 'charts'>;

const FOLLOW_UP = ['Institusjon bruker', 'Brukeroppfølging'] as const;

const nothing = () => ({ tables: [], charts: [] });

/**
 * The user evaluations' summary table(s). Issue 6 delivers the evaluations; wiring them in is this one
 * function returning their tables.
 */
export function evaluationTables(_ctx: ServiceContext, _year: number): ReportTable[] {
  return [];
}

const SECTION_BUILDERS: Record<AnnualReportSection, SectionBuilder> = {
  team: nothing,
  cases: (_ctx, { pivot, cases }) => ({ tables: [casesByMunicipalityTable(cases, pivot.year), caseloadTable(cases, pivot.year)], charts: [] }),
  resources: (ctx, { pivot }) => ({
    tables: [
      municipalityTotalsTable(pivot),
      costShareTable(costShare(ctx, { year: pivot.year })),
      categoryTotalsTable(pivot),
      categoryTable(pivot, 'Brukeroppfølging i institusjon og etter endt opphold i institusjon', 'Brukeroppfølging', FOLLOW_UP),
      categoryTable(pivot, 'Kjøring', 'Kjøring', ['Kjøring']),
    ],
    charts: [hoursByMunicipalityChart(pivot), hoursByMunicipalityChart(pivot, FOLLOW_UP)],
  }),
  partners: (_ctx, { pivot }) => ({
    tables: [categoryTable(pivot, 'Samarbeidspartnere', 'Samarbeidspartnere', ['Samarbeidspartnere']), categoryTable(pivot, 'Nettverksarbeid', 'Nettverksarbeid', ['Nettverksarbeid'])],
    charts: [],
  }),
  lastingChange: (ctx, { pivot }) => ({ tables: lastingChangeTables(lastingChange(ctx, { year: pivot.year }), pivot.year), charts: [] }),
  evaluations: (ctx, { pivot }) => ({ tables: evaluationTables(ctx, pivot.year), charts: [] }),
  incidents: nothing,
  plans: nothing,
};

/** Everything the two files print, read once so they agree. */
export function annualReportContent(ctx: ServiceContext, year: number): AnnualReportContent {
  const pivot = annualPivot(ctx, { year });
  const texts = new Map(annualReportTexts(ctx, { year }).sections.map((s) => [s.section, s.text]));
  const cases = caseFigures(ctx, { year });
  const hasData = pivot.total.entries > 0 || cases.total.total > 0;
  const sections = ANNUAL_REPORT_SECTIONS.map(({ key }) => {
    const built = hasData ? SECTION_BUILDERS[key](ctx, { pivot, cases }) : nothing();
    // A table without rows says nothing the heading does not; it is left out.
    return { section: key, heading: sectionHeading(key, year), text: texts.get(key) ?? null, tables: built.tables.filter((t) => t.rows.length > 0), charts: built.charts };
  });
  return { year, hasData, sections, spreadsheetOnly: hasData ? [fullPivotTable(pivot)] : [] };
}
