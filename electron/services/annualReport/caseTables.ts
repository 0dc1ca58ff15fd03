import type { CaseFiguresDto, LastingChangeDto } from '../../../shared/contract/caseStatistics';
import { LASTING_CHANGE_DIRECTIONS, LASTING_CHANGE_DIRECTION_LABEL } from '../../../shared/contract/caseStatistics';
import { publishCount, publishedText, type PublishedCount } from '../../../shared/domain/smallNumbers';
import type { ReportTable, ReportValue } from './reportTable';

/** A count under the small-number rule: the number itself, or the words «færre enn 5». */
function published(count: PublishedCount | null): ReportValue {
  if (count === null) return 'ikke vist';
  return count.kind === 'count' ? count.value : publishedText(count);
}

type CaseFigures = CaseFiguresDto['total'];

function caseRow(label: string, f: CaseFigures): ReportValue[] {
  return [
    label,
    f.total,
    f.referred,
    f.started,
    f.activeAtEnd,
    f.closed,
    f.closedWithAfterContact,
    f.institutionPhase,
    // A median of one to four cases would describe those people; it follows the small-number rule.
    f.medianFollowUpWeeks === null ? null : published(publishCount(f.medianFollowUpWeeks, f.medianBasis)),
  ];
}

/** The table the 2020 report could only write as a sentence: cases per municipality. */
export function casesByMunicipalityTable(figures: CaseFiguresDto, year: number): ReportTable {
  return {
    title: `Saker per kommune ${year}`,
    sheetName: 'Saker',
    columns: [
      { header: 'Kommune', format: 'label' },
      { group: 'Antall saker', header: 'i året', format: 'count' },
      { group: 'Antall saker', header: 'henvist', format: 'count' },
      { group: 'Antall saker', header: 'startet', format: 'count' },
      { group: 'Antall saker', header: 'aktive 31.12.', format: 'count' },
      { group: 'Antall saker', header: 'avsluttet', format: 'count' },
      { group: 'Antall saker', header: 'kontakt etter 3 mnd.', format: 'count' },
      { group: 'Antall saker', header: 'i institusjon', format: 'count' },
      { header: 'Median oppfølging (uker)', format: 'decimal' },
    ],
    rows: figures.rows.map((r) => caseRow(r.municipality, r)),
    total: caseRow('Totalsum', figures.total),
    notes: [
      '«I året» teller hver sak med henvisning eller registrert tid i året; «kontakt etter 3 mnd.» er avsluttede saker der kontakten tre måneder etter er gjort; «i institusjon» er saker fulgt opp mens bruker var i institusjon. Medianen gjelder saker avsluttet i året.',
    ],
  };
}

/** Two of the team follow every case: the caseload shows how many cases each one carried at year end. */
export function caseloadTable(figures: CaseFiguresDto, year: number): ReportTable {
  return {
    title: `Aktive saker per teammedlem ved årsslutt ${year}`,
    sheetName: 'Saker per teammedlem',
    columns: [
      { header: 'Teammedlem', format: 'label' },
      { header: 'Aktive saker (saker)', format: 'count' },
    ],
    rows: figures.caseload.map((m) => [m.name, m.activeCases]),
    total: null,
    notes: ['Hver sak følges av to i teamet, så summen er større enn antall saker.'],
  };
}

/** One table per comparison (start → closure, start → three months after), every cell under the small-number rule. */
export function lastingChangeTables(change: LastingChangeDto, year: number): ReportTable[] {
  return change.comparisons.map((comparison, i) => ({
    title: `Varig endring ${year}: ${comparison.label.toLowerCase()}`,
    sheetName: i === 0 ? 'Varig endring avslutning' : 'Varig endring tre måneder',
    columns: [
      { header: 'Livsområde', format: 'label' as const },
      ...LASTING_CHANGE_DIRECTIONS.map((d) => ({ header: `${LASTING_CHANGE_DIRECTION_LABEL[d]} (saker)`, format: 'count' as const })),
      { header: 'Vurdert begge ganger (saker)', format: 'count' as const },
    ],
    rows: comparison.rows.map((r) => [r.domain, ...LASTING_CHANGE_DIRECTIONS.map((d) => published(r[d])), published(r.total)]),
    total: null,
    notes: [`Saker avsluttet i ${year}: ${publishedText(change.closedCases)}. Tall under 5 vises som «færre enn 5», så ingen enkeltperson kan kjennes igjen.`],
  }));
}
