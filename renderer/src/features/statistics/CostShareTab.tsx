import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { costShareChart } from '@shared/charts/caseCharts';
import { COST_TABLE_TITLE, costAndHelpTable, costByModelTable } from '@shared/tables/caseTables';
import { EChart } from '@renderer/components/EChart';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { ExportTableButton } from './ExportTableButton';
import { StatisticsTable } from './StatisticsTable';
import type { StatisticsTabProps } from './statisticsTabProps';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
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
  return (
    <div className={styles.stack}>
      {'year' in period ? null : (
        <MessageBar intent="info">
          <MessageBarBody>Kostnadsfordelingen regnes per kalenderår. Viser {year}.</MessageBarBody>
        </MessageBar>
      )}
      {dto.problems.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {dto.problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <SectionCard title={`${COST_TABLE_TITLE.costAndHelp} ${year}`} action={<ExportTableButton request={{ period, costTable: 'costAndHelp' }} />}>
        <StatisticsTable
          table={costAndHelpTable(dto)}
          caption="Andeler i prosent av de deltakende kommunenes sum. Saker er saker med henvisning eller timer i året. Timer per 1 000 innbyggere bruker folketallet vektet for medlemsmåneder."
        />
        <EChart chart={costShareChart(dto)} />
      </SectionCard>
      <SectionCard title={`${COST_TABLE_TITLE.costByModel} ${year}`} action={<ExportTableButton request={{ period, costTable: 'costByModel' }} />}>
        <StatisticsTable
          table={costByModelTable(dto)}
          caption="Kroner per kommune. Modell 1: likt grunnbeløp, resten etter folketall. Modell 2: etter folketall med fallende satser (0–5 000, 5–10 000, 10–20 000, over 20 000 innbyggere). Modell 3: grunnbeløp, fellestjenesten etter folketall, ekstra timer til full pris. En kommune som var med deler av året (for eksempel Rødøy fra september 2020) betaler for månedene den var med."
        />
      </SectionCard>
    </div>
  );
}
