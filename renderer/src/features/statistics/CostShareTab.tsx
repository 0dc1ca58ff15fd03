import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { costShareChart } from '@shared/charts/caseCharts';
import { COST_TABLE_TITLE, MISSING_POPULATION_TEXT, costAndHelpTable, costByModelTable } from '@shared/tables/caseTables';
import { EChart } from '@renderer/components/EChart';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { settingsHref } from '@renderer/lib/settingsLink';
import { EmptyPeriod } from './EmptyPeriod';
import { noHelp } from './periodWithoutData';
import { ExportTableButton } from './ExportTableButton';
import { StatisticsTable } from './StatisticsTable';
import type { StatisticsTabProps } from './statisticsTabProps';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // Room between the text and the box's edge, and a line short enough to read.
  warning: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  warningText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '80ch' },
});

/** «Kostnad og hjelp»: each municipality's share of the cost, by the three models, beside its share of the help. */
export function CostShareTab({ period }: StatisticsTabProps) {
  const styles = useStyles();
  // Budgets and populations are per calendar year: a range is shown for the year it ends in.
  const year = 'year' in period ? period.year : Number(period.to.slice(0, 4));
  const figures = useApiQuery('statistics:cost-share', { year }, { keepPrevious: true });
  if (figures.error) return <ErrorMessage error={figures.error} />;
  if (!figures.data) return <Loading label="Regner ut kostnadsfordelingen …" />;
  const dto = figures.data;
  if (dto.rows.length === 0) return <EmptyPeriod>{`Ingen kommuner var med i samarbeidet i ${year}.`}</EmptyPeriod>;
  // Where the year's population or budget is set: «mangler innbyggertall» and the warning link there.
  const fix = settingsHref('kostnadsfordeling', year);
  const links = { [MISSING_POPULATION_TEXT]: fix };
  const computed = dto.rows.some((r) => r.models !== null);
  const empty = noHelp(dto);
  return (
    <div className={styles.stack}>
      {'year' in period ? null : (
        <MessageBar intent="info">
          <MessageBarBody>Kostnadsfordelingen regnes per kalenderår. Viser {year}.</MessageBarBody>
        </MessageBar>
      )}
      {empty ? <EmptyPeriod>{`Ingen registreringer eller saker i ${year}.`}</EmptyPeriod> : null}
      {dto.problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" className={styles.warning}>
          <MessageBarBody className={styles.warningText}>
            <MessageBarTitle>Kostnadsfordelingen for {year} kan ikke regnes ut</MessageBarTitle>
            <span>{dto.problems.join(' ')}</span>
            <Link href={fix}>Fyll inn under Innstillinger → Kostnadsfordeling</Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {empty ? null : (
        <SectionCard title={`${COST_TABLE_TITLE.costAndHelp} ${year}`} action={<ExportTableButton request={{ period, costTable: 'costAndHelp' }} />}>
          <StatisticsTable
            table={costAndHelpTable(dto)}
            links={links}
            caption="Andeler i prosent av de deltakende kommunenes sum. Saker er saker med henvisning eller timer i året. Timer per 1 000 innbyggere bruker folketallet vektet for medlemsmåneder."
          />
          <EChart chart={costShareChart(dto)} />
        </SectionCard>
      )}
      {empty && !computed ? null : (
        <SectionCard title={`${COST_TABLE_TITLE.costByModel} ${year}`} action={<ExportTableButton request={{ period, costTable: 'costByModel' }} />}>
          <StatisticsTable
            table={costByModelTable(dto)}
            links={links}
            caption="Kroner per kommune. Modell 1: likt grunnbeløp, resten etter folketall. Modell 2: etter folketall med fallende satser (0–5 000, 5–10 000, 10–20 000, over 20 000 innbyggere). Modell 3: grunnbeløp, fellestjenesten etter folketall, ekstra timer til full pris. En kommune som var med deler av året (for eksempel Rødøy fra september 2020) betaler for månedene den var med."
          />
        </SectionCard>
      )}
    </div>
  );
}
