import { Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PIVOT_DIMENSIONS, PIVOT_MEASURES, STATISTIC_UNITS, type PivotColumnDimension, type PivotDimension, type StatisticMeasure } from '@shared/contract';
import { tableChart } from '@shared/charts/pivotChart';
import { DIMENSION_LABEL, MEASURE_LABEL, MEMBER_DIMENSION_NOTE, UNIT_ABBREVIATION } from '@shared/domain/statistics';
import { EChart } from '@renderer/components/EChart';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { EmptyPeriod } from './EmptyPeriod';
import { ExportTableButton } from './ExportTableButton';
import { StatisticsTable } from './StatisticsTable';
import type { StatisticsTabProps } from './statisticsTabProps';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  pickers: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-start' },
  picker: { minWidth: '180px' },
  note: { color: tokens.colorNeutralForeground2 },
});

const MEASURE_HINT: Record<StatisticMeasure, string> = {
  hours: 'Klokketimer: en time med to deltakere er én time.',
  personHours: 'En time med to deltakere er to persontimer.',
  entries: 'Antall registreringer i timelisten (ikke timer).',
  cases: 'Antall ulike saker med tid ført; en sak telles én gang i hver total.',
};

/** Rows, columns and measure chosen freely; totals on both axes; the table as Excel and as a chart. */
export function PivotTab({ period, periodLabel }: StatisticsTabProps) {
  const styles = useStyles();
  const [rows, setRows] = useState<PivotDimension>('municipality');
  const [columns, setColumns] = useState<PivotColumnDimension>('category');
  const [measure, setMeasure] = useState<StatisticMeasure>('hours');
  const query = { period, rows, columns: columns === rows ? 'none' : columns, measure } as const;
  const pivot = useApiQuery('statistics:pivot', query, { keepPrevious: true });
  const usesMembers = rows === 'member' || columns === 'member';

  return (
    <div className={styles.stack}>
      <div className={styles.pickers}>
        <Field label="Rader" className={styles.picker}>
          <Select value={rows} onChange={(_e, data) => setRows(data.value as PivotDimension)}>
            {PIVOT_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABEL[d]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Kolonner" className={styles.picker}>
          <Select value={query.columns} onChange={(_e, data) => setColumns(data.value as PivotColumnDimension)}>
            {[...PIVOT_DIMENSIONS, 'none' as const]
              .filter((d) => d !== rows)
              .map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABEL[d]}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Mål" className={styles.picker} hint={MEASURE_HINT[measure]}>
          <Select value={measure} onChange={(_e, data) => setMeasure(data.value as StatisticMeasure)}>
            {PIVOT_MEASURES.map((m) => (
              <option key={m} value={m}>
                {MEASURE_LABEL[m]} ({STATISTIC_UNITS[m]})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {usesMembers ? <Text className={styles.note}>{MEMBER_DIMENSION_NOTE}</Text> : null}
      {pivot.error ? <ErrorMessage error={pivot.error} /> : null}
      {pivot.isPending ? <Loading label="Regner ut statistikk …" /> : null}
      {pivot.data ? (
        pivot.data.table.rows.length === 0 ? (
          <EmptyPeriod>{`Ingen registreringer i ${periodLabel}.`}</EmptyPeriod>
        ) : (
          <>
            <SectionCard title={pivot.data.table.title} action={<ExportTableButton request={{ period, pivot: { rows, columns: query.columns, measure } }} />}>
              <StatisticsTable
                table={pivot.data.table}
                caption={`${MEASURE_LABEL[pivot.data.query.measure]} (${UNIT_ABBREVIATION[pivot.data.query.measure]} = ${pivot.data.unit})${
                  pivot.data.totalsCounted ? '. Totalene er telt for seg, ikke summert.' : ''
                }`}
              />
            </SectionCard>
            <SectionCard title="Diagram">
              <EChart
                chart={tableChart(pivot.data.table, {
                  title: pivot.data.table.title,
                  measure: pivot.data.query.measure,
                  stacked: !pivot.data.totalsCounted,
                })}
              />
            </SectionCard>
          </>
        )
      ) : null}
    </div>
  );
}
