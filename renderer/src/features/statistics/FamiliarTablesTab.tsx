import { makeStyles, tokens } from '@fluentui/react-components';
import { familiarTableChart } from '@shared/charts/familiarTablesChart';
import { EChart } from '@renderer/components/EChart';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { EmptyPeriod } from './EmptyPeriod';
import { ExportTableButton } from './ExportTableButton';
import { noEntries } from './periodWithoutData';
import { StatisticsTable } from './StatisticsTable';
import type { StatisticsTabProps } from './statisticsTabProps';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** The three tables the team has always sent the municipalities, with hours and entries kept apart. */
export function FamiliarTablesTab({ period, periodLabel }: StatisticsTabProps) {
  const styles = useStyles();
  const tables = useApiQuery('statistics:familiar-tables', { period }, { keepPrevious: true });
  if (tables.error) return <ErrorMessage error={tables.error} />;
  if (!tables.data) return <Loading label="Regner ut tabellene …" />;
  // One sentence for the tab, not the same one in each of the three tables.
  if (noEntries(tables.data)) return <EmptyPeriod>{`Ingen registreringer i ${periodLabel}.`}</EmptyPeriod>;
  return (
    <div className={styles.stack}>
      {tables.data.tables.map((table) => (
        <SectionCard key={table.key} title={`${table.title} ${periodLabel}`} action={<ExportTableButton request={{ period, familiarTable: table.key }} />}>
          {table.rows.length === 0 ? (
            <EmptyPeriod>{`Ingen registreringer av ${table.title.toLocaleLowerCase('nb')} i ${periodLabel}.`}</EmptyPeriod>
          ) : (
            <>
              <StatisticsTable
                table={table.table}
                caption="Timer (t) og antall registreringer (reg.) hver for seg: en registrering er en linje i timelisten, ikke en time."
              />
              <EChart chart={familiarTableChart(table)} />
            </>
          )}
        </SectionCard>
      ))}
    </div>
  );
}
