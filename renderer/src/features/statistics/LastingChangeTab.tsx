import { makeStyles, tokens } from '@fluentui/react-components';
import { lastingChangeChart } from '@shared/charts/caseCharts';
import { lastingChangeTable } from '@shared/tables/caseTables';
import { DISCLOSURE_RULE_TEXT } from '@shared/domain/disclosureControl';
import { EChart } from '@renderer/components/EChart';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { EmptyPeriod } from './EmptyPeriod';
import { ExportTableButton } from './ExportTableButton';
import { noClosedCases, noComparedCases } from './periodWithoutData';
import { StatisticsTable } from './StatisticsTable';
import type { StatisticsTabProps } from './statisticsTabProps';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

const KEYS = ['lastingChangeClosure', 'lastingChangeAfterContact'] as const;

/** «Varig endring»: life domains from start to closure and to three months, never a cell under 5. */
export function LastingChangeTab({ period, periodLabel }: StatisticsTabProps) {
  const styles = useStyles();
  const change = useApiQuery('statistics:lasting-change', { period }, { keepPrevious: true });
  if (change.error) return <ErrorMessage error={change.error} />;
  if (!change.data) return <Loading label="Sammenligner vurderingene …" />;
  if (noClosedCases(change.data)) return <EmptyPeriod>{`Ingen saker ble avsluttet i ${periodLabel}.`}</EmptyPeriod>;
  const closed = change.data.closedCases;
  return (
    <div className={styles.stack}>
      {KEYS.map((key, index) => {
        const table = lastingChangeTable(change.data, key, periodLabel);
        const comparison = change.data.comparisons[index]!;
        if (noComparedCases(comparison)) {
          return (
            <SectionCard key={key} title={table.title}>
              <EmptyPeriod>{`Ingen av sakene avsluttet i ${periodLabel} har vurdering ${comparison.label.toLocaleLowerCase('nb')}.`}</EmptyPeriod>
            </SectionCard>
          );
        }
        return (
          <SectionCard key={key} title={table.title} action={<ExportTableButton request={{ period, caseTable: key }} />}>
            <StatisticsTable
              table={table}
              caption={`Antall saker avsluttet i perioden (${closed.kind === 'count' ? closed.value : closed.label}) med vurdering ved begge tidspunkt. ${DISCLOSURE_RULE_TEXT}`}
            />
            <EChart chart={lastingChangeChart(change.data, index as 0 | 1, periodLabel)} />
          </SectionCard>
        );
      })}
    </div>
  );
}
