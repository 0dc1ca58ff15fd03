import type { CostShareDto } from '../../../shared/contract/costShare';
import type { ReportColumn, ReportTable } from './reportTable';

const HELP_COLUMNS: ReportColumn[] = [
  { header: 'Andel timer (prosent)', format: 'share' },
  { header: 'Andel persontimer (prosent)', format: 'share' },
  { header: 'Andel saker (prosent)', format: 'share' },
  { header: 'Timer per 1 000 innbyggere', format: 'decimal' },
];

const MODEL_COLUMNS: ReportColumn[] = [
  { header: 'Modell 1: grunnbeløp og folketall (prosent)', format: 'share' },
  { header: 'Modell 2: satser per innbygger (prosent)', format: 'share' },
  { header: 'Modell 3: grunnbeløp, folketall og ekstra tjenester (prosent)', format: 'share' },
];

/**
 * What each member municipality pays beside what it got. While the budget or a population is missing
 * the models cannot be computed: the table then shows the help side only and says what is missing.
 */
export function costShareTable(share: CostShareDto): ReportTable {
  const models = share.rows.every((r) => r.models !== null) && share.problems.length === 0;
  return {
    title: `Andel av kostnad og andel av hjelp per kommune ${share.year}`,
    sheetName: 'Kostnad og hjelp',
    columns: [{ header: 'Kommune', format: 'label' }, { header: 'Innbyggere', format: 'count' }, ...(models ? MODEL_COLUMNS : []), ...HELP_COLUMNS],
    rows: share.rows.map((r) => [
      r.municipality,
      r.population,
      ...(models && r.models ? [r.models.equalBase.share, r.models.bands.share, r.models.extraServices.share] : []),
      r.hoursShare,
      r.personHoursShare,
      r.casesShare,
      r.hoursPerThousand,
    ]),
    total: ['Totalsum', share.total.population, ...(models ? [1, 1, 1] : []), 1, 1, 1, share.total.hoursPerThousand],
    notes: models
      ? ['Andelene gjelder deltakerkommunene; «Felles» og «Andre kommuner» er holdt utenfor.']
      : ['Kostnadsmodellene kan ikke regnes ut ennå:', ...share.problems],
  };
}
