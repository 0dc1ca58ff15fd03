import { makeStyles, tokens } from '@fluentui/react-components';
import { caseFiguresChart } from '@shared/charts/caseCharts';
import { CASE_TABLE_TITLE, caseFiguresTable, caseloadTable } from '@shared/tables/caseTables';
import { EChart } from '@renderer/components/EChart';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { EmptyPeriod } from './EmptyPeriod';
import { ExportTableButton } from './ExportTableButton';
import { noCases } from './periodWithoutData';
import { StatisticsTable } from './StatisticsTable';
import type { StatisticsTabProps } from './statisticsTabProps';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** «Saker»: what happened to the cases of each municipality in the period, and the team's caseload at its end. */
export function CaseFiguresTab({ period, periodLabel }: StatisticsTabProps) {
  const styles = useStyles();
  const figures = useApiQuery('statistics:case-figures', { period }, { keepPrevious: true });
  if (figures.error) return <ErrorMessage error={figures.error} />;
  if (!figures.data) return <Loading label="Teller sakene …" />;
  if (noCases(figures.data)) return <EmptyPeriod>{`Ingen saker i ${periodLabel}.`}</EmptyPeriod>;
  return (
    <div className={styles.stack}>
      <SectionCard title={`${CASE_TABLE_TITLE.caseFigures} ${periodLabel}`} action={<ExportTableButton request={{ period, caseTable: 'caseFigures' }} />}>
        <StatisticsTable
          table={caseFiguresTable(figures.data, periodLabel)}
          caption="Antall saker. Median varighet er uker fra oppfølgingen startet til saken ble avsluttet, for saker avsluttet i perioden. Importerte saker fra gamle timelister har ingen datoer og telles i «Saker i alt» når de har timer i perioden."
        />
        <EChart chart={caseFiguresChart(figures.data, periodLabel)} />
      </SectionCard>
      <SectionCard title={`${CASE_TABLE_TITLE.caseload} ${periodLabel}`} action={<ExportTableButton request={{ period, caseTable: 'caseload' }} />}>
        <StatisticsTable
          table={caseloadTable(figures.data, periodLabel)}
          caption="Aktive saker ved periodens slutt der teammedlemmet står på saken. En sak med to på teamet teller hos begge, derfor ingen totalsum."
        />
      </SectionCard>
    </div>
  );
}
