import type { ChartDefinition } from '@shared/charts/types';
import { familiarTableChart } from '@shared/charts/familiarTablesChart';
import { tableChart } from '@shared/charts/pivotChart';
import type { AnnualPivotDto, FamiliarTableKey, FamiliarTablesDto, StatisticsTableDto } from '@shared/contract';
import type { CaseFiguresDto } from '@shared/contract/statistics/caseFigures';
import { ANNUAL_REPORT_SECTIONS, sectionHeading, type AnnualReportSection } from '@shared/domain/annualReport';
import type { OnAnyEngine, ServiceContext } from '../context';

/** The report is read on either engine; only the signed-in member (for the sign-off) is taken from the call. */
type ReportContext = OnAnyEngine<ServiceContext>;
import { caseFigures } from '../statistics/caseFigures';
import { costShare } from '../statistics/costShare';
import { lastingChange } from '../statistics/lastingChange';
import { annualPivot } from '../statistics/annualPivot';
import { caseFiguresTable, caseloadTable, costAndHelpTable, costByModelTable, lastingChangeTable } from '@shared/tables/caseTables';
import { caseFiguresChart, costShareChart, lastingChangeChart } from '@shared/charts/caseCharts';
import { annualReportTexts } from './texts';
import type { ReportTable } from './reportTable';
import { familiarTables } from '../statistics/familiarTables';
import { pivot as pivotTable } from '../statistics/pivot';
import { categoryTotalsTable, municipalityTotalsTable } from './resourceTables';
import { evaluationSummary } from '../documents/evaluations';
import { evaluationSummaryTable } from '@shared/tables/evaluationTables';
import { CASE_COUNT_EXCEPTION_TEXT, DISCLOSURE_RULE_TEXT, DISCLOSURE_THRESHOLD } from '@shared/domain/disclosureControl';
import { COST_MODELS_NOTE, costShareNotes, howWeRecordText } from './explanations';
import { networkLogTable, type TextTable } from './networkLog';
import { first, readSnapshot } from '../../db/query';
import { membersOfYear } from '../statistics/costShare';
import { reportTableWithEveryMember, withEveryMember, type MemberOrder } from './memberRows';
import { withoutEmptyChart } from './emptyCharts';
import { thinnerStacks } from '../charts/printChart';
import { importedWithoutPeopleNote } from './importedEntries';

export interface ReportSectionContent {
  /** «howWeRecord» is written by the app (what the categories and measures mean), not by the team. */
  section: AnnualReportSection | 'howWeRecord';
  heading: string;
  /** The team's own words for the year; null prints the tables only. */
  text: string | null;
  tables: ReportTable[];
  /** Lists of words (the network log) printed as tables after the figures. */
  textTables: TextTable[];
  charts: ChartDefinition[];
  /** Sentences printed in place of figures that would be all zeros (both files: the docx in the chapter, the xlsx on a sheet). */
  notices: SectionNotice[];
  /** Tables that go to the spreadsheet only (too wide for a page), as the chapter's last sheets. */
  spreadsheetOnly: ReportTable[];
}

export interface SectionNotice {
  sheetName: string;
  text: string;
}

/** The 2020 report ended with who made it, where and when. */
export interface ReportSignOff {
  /** The signed-in member who made the report; null when made without one (never from the app). */
  preparedBy: string | null;
  place: string;
}

export interface AnnualReportContent {
  year: number;
  /** False for a year without a single time entry: the report then says so instead of printing empty tables. */
  hasData: boolean;
  sections: ReportSectionContent[];
  signOff: ReportSignOff;
}

/** What a section prints under its text, given the year's figures. */
interface SectionFigures {
  pivot: AnnualPivotDto;
  cases: CaseFiguresDto;
  familiar: FamiliarTablesDto;
  /** Hours per municipality × category, as the Statistikk page's pivot shows it. */
  hoursPivot: StatisticsTableDto;
  members: MemberOrder;
}

type BuiltSection = Pick<ReportSectionContent, 'tables' | 'charts'> & { textTables?: TextTable[]; notices?: SectionNotice[]; spreadsheetOnly?: ReportTable[] };

type SectionBuilder = (ctx: ReportContext, figures: SectionFigures) => BuiltSection | Promise<BuiltSection>;

const nothing = (): BuiltSection => ({ tables: [], charts: [] });

/**
 * The returned evaluation forms of the year, summarised per question under the small-number rule; nothing when
 * no form came back (the chapter then prints the team's own text only).
 */
export async function evaluationTables(ctx: ReportContext, year: number): Promise<ReportTable[]> {
  const summary = await evaluationSummary(ctx, { year });
  if (summary.responses.kind === 'count' && summary.responses.value === 0) return [];
  const notes =
    summary.responses.kind === 'suppressed'
      ? [`Færre enn 5 skjemaer kom tilbake i ${year}. Tallene vises ikke, fordi så få svar kan peke ut enkeltpersoner.`]
      : [`${summary.responses.value} skjemaer kom tilbake i ${year}. Skalaen går fra 1 (helt uenig) til 5 (helt enig).`];
  return [{ table: evaluationSummaryTable(summary), sheetName: 'Brukerevalueringer', notes: [...notes, DISCLOSURE_RULE_TEXT] }];
}

const FAMILIAR_SHEET_NAME: Record<FamiliarTableKey, string> = { followUp: 'Brukeroppfølging', driving: 'Kjøring', partners: 'Samarbeidspartnere' };

function familiarOf(figures: SectionFigures, key: FamiliarTableKey) {
  return figures.familiar.tables.find((t) => t.key === key)!;
}

/** One of the team's three familiar tables, exactly as the Statistikk page shows and exports it. */
function familiar(figures: SectionFigures, key: FamiliarTableKey): ReportTable {
  const table = familiarOf(figures, key);
  return { table: { ...table.table, title: `${table.title} ${figures.pivot.year}` }, sheetName: FAMILIAR_SHEET_NAME[key] };
}

const SECTION_BUILDERS: Record<AnnualReportSection, SectionBuilder> = {
  team: nothing,
  cases: (_ctx, { pivot, cases }) => {
    const year = String(pivot.year);
    return {
      tables: [
        {
          table: caseFiguresTable(cases, year),
          sheetName: 'Saker',
          notes: [
            '«Saker i alt» teller hver sak med henvisning eller registrert tid i året. Medianen gjelder saker avsluttet i året.',
            `${CASE_COUNT_EXCEPTION_TEXT} Medianen vises bare når den bygger på minst ${DISCLOSURE_THRESHOLD} saker.`,
          ],
        },
        {
          table: caseloadTable(cases, year),
          sheetName: 'Saker per teammedlem',
          notes: ['Hver sak følges av to i teamet, så summen er større enn antall saker.'],
        },
      ],
      charts: [caseFiguresChart(cases, year)],
    };
  },
  resources: async (ctx, figures) => {
    const share = await costShare(ctx, { year: figures.pivot.year });
    // Without a budget or a population the models cannot be computed: the help side still prints.
    const computed = share.problems.length === 0;
    const imported = await importedWithoutPeopleNote(ctx, figures.pivot.year);
    // A time-log table holds hours only (no hidden cell), and filled in with 0 it still does.
    const everyMember = (table: StatisticsTableDto) => withEveryMember(table, figures.members, true) as StatisticsTableDto;
    const withImportNote = (t: ReportTable): ReportTable => (imported ? { ...t, notes: [...(t.notes ?? []), imported] } : t);
    return {
      tables: [
        withImportNote(municipalityTotalsTable(figures.pivot)),
        ...(computed
          ? [{ table: costByModelTable(share), sheetName: 'Kostnad etter modell', notes: [COST_MODELS_NOTE, ...costShareNotes(share, figures.pivot)] }]
          : []),
        {
          table: costAndHelpTable(share),
          sheetName: 'Kostnad og hjelp',
          notes: computed ? costShareNotes(share, figures.pivot) : share.problems,
          chart: computed ? costShareChart(share) : undefined,
        },
        withImportNote(categoryTotalsTable(figures.pivot)),
        familiar(figures, 'followUp'),
        familiar(figures, 'driving'),
      ],
      charts: [
        // Drawn from the tables as printed: every member has a row, so a member with no hours is a 0, not missing.
        thinnerStacks(
          tableChart(everyMember(figures.hoursPivot), { title: `Timer per kommune og hendelse ${figures.pivot.year}`, measure: 'hours', stacked: true }),
        ),
        thinnerStacks(familiarTableChart({ ...familiarOf(figures, 'followUp'), table: everyMember(familiarOf(figures, 'followUp').table) })),
      ],
      spreadsheetOnly: [{ table: { ...figures.hoursPivot, title: `Timer per kommune og hendelse ${figures.pivot.year}` }, sheetName: 'Kommune og hendelse' }],
    };
  },
  partners: async (ctx, figures) => {
    const log = await networkLogTable(ctx, figures.pivot.year);
    return { tables: [familiar(figures, 'partners')], charts: [], textTables: log ? [log] : [] };
  },
  lastingChange: async (ctx, { pivot }) => {
    const change = await lastingChange(ctx, { year: pivot.year });
    const year = String(pivot.year);
    // No case closed in the year was rated both at the start and later: the tables would be rows of zeros and
    // the chart an empty frame, which read as «nobody changed». One sentence says what is true, as an
    // all-zero chart does.
    const assessed = change.comparisons.some((c) => c.rows.some((r) => r.total.kind === 'suppressed' || r.total.value > 0));
    if (!assessed) {
      const text = `Ingen sak avsluttet i ${year} ble vurdert på livsområdene både ved start og ved avslutning eller tremånederskontakt, så det er ingen varig endring å vise.`;
      return { tables: [], charts: [], notices: [{ sheetName: 'Varig endring', text }] };
    }
    const note = DISCLOSURE_RULE_TEXT;
    return {
      tables: [
        { table: lastingChangeTable(change, 'lastingChangeClosure', year), sheetName: 'Varig endring avslutning', notes: [note] },
        { table: lastingChangeTable(change, 'lastingChangeAfterContact', year), sheetName: 'Varig endring tre måneder', notes: [note] },
      ],
      charts: [lastingChangeChart(change, 0, year)],
    };
  },
  evaluations: async (ctx, { pivot }) => ({ tables: await evaluationTables(ctx, pivot.year), charts: [] }),
  incidents: nothing,
  plans: nothing,
};

/**
 * Everything the two files print, read once from one snapshot so they agree: the figures, the team's texts,
 * the evaluations and the network log, on either engine.
 */
export function annualReportContent(ctx: ReportContext, year: number): Promise<AnnualReportContent> {
  return readSnapshot(ctx.db, (db) => contentOf({ ...ctx, db }, year));
}

async function contentOf(ctx: ReportContext, year: number): Promise<AnnualReportContent> {
  const pivot = await annualPivot(ctx, { year });
  const texts = new Map((await annualReportTexts(ctx, { year })).sections.map((s) => [s.section, s.text]));
  const cases = await caseFigures(ctx, { year });
  const hasData = pivot.total.entries > 0 || cases.total.total > 0;
  const hoursPivot = (await pivotTable(ctx, { period: { year }, rows: 'municipality', columns: 'category', measure: 'hours' })).table;
  const members: MemberOrder = { order: pivot.municipalities, memberIds: new Set((await membersOfYear(ctx, year)).map((m) => m.id)) };
  const figures: SectionFigures = { pivot, cases, familiar: await familiarTables(ctx, { year }), hoursPivot, members };
  const sections: ReportSectionContent[] = [];
  for (const { key } of ANNUAL_REPORT_SECTIONS) {
    const built = hasData ? await SECTION_BUILDERS[key](ctx, figures) : nothing();
    // A table without rows says nothing the heading does not; it is left out. One with figures lists
    // every member of the year, in the same order, with 0 for those the team had no time for.
    sections.push({
      section: key,
      heading: sectionHeading(key, year),
      text: texts.get(key) ?? null,
      tables: built.tables
        .filter((t) => t.table.rows.length > 0)
        .map((t) => reportTableWithEveryMember(t.chart ? { ...t, chart: withoutEmptyChart(t.chart) } : t, members)),
      textTables: built.textTables ?? [],
      charts: built.charts.map(withoutEmptyChart),
      notices: built.notices ?? [],
      spreadsheetOnly: (built.spreadsheetOnly ?? []).map((t) => reportTableWithEveryMember(t, members)),
    });
  }
  // A chapter with neither the team's words nor a figure would print as a bare heading: it is left out
  // (the screen and the command line name it before the report is made).
  const printed = sections.filter((s) => s.text !== null || s.tables.length > 0 || s.charts.length > 0 || s.textTables.length > 0 || s.notices.length > 0);
  if (hasData) {
    // After «Om ettervernsteamet», as in the 2020 report: how to read everything that follows.
    const at = printed[0]?.section === 'team' ? 1 : 0;
    printed.splice(at, 0, {
      section: 'howWeRecord',
      heading: 'Slik registrerer vi',
      text: await howWeRecordText(ctx, year),
      tables: [],
      textTables: [],
      charts: [],
      notices: [],
      spreadsheetOnly: [],
    });
  }
  return {
    year,
    hasData,
    sections: printed,
    signOff: { preparedBy: await preparedBy(ctx), place: 'Fauske' },
  };
}

async function preparedBy(ctx: ReportContext): Promise<string | null> {
  if (!ctx.actor) return null;
  const row = await first(ctx.db, ctx.db.kysely.selectFrom('team_members').select('display_name').where('id', '=', ctx.actor.id));
  return row?.display_name ?? null;
}
