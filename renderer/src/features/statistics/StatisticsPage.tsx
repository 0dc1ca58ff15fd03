import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatTimeTotals } from '../../../../shared/format';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { currentYear } from '../../lib/dates';
import { useApiQuery } from '../../lib/query';
import { buildPivotGrid, UNIT_LABEL, type PivotUnit } from './pivot';
import { PivotTable } from './PivotTable';

/** The team started on 1 January 2020; nothing is logged before that. */
const FIRST_YEAR = 2020;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  controls: { display: 'flex', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start', flexWrap: 'wrap' },
  year: { width: '140px' },
  summary: { color: tokens.colorNeutralForeground2 },
});

export function StatisticsPage() {
  const styles = useStyles();
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [unit, setUnit] = useState<PivotUnit>('hours');
  const pivot = useApiQuery('statistics:annual', { year }, { keepPrevious: true });
  const years = Array.from({ length: Math.max(thisYear, FIRST_YEAR) - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const grid = pivot.data ? buildPivotGrid(pivot.data) : null;

  return (
    <div className={styles.stack}>
      <PageHeader title="Statistikk" description="Tidsbruk per kommune og hendelse for ett år, slik den går til regionrådet." />
      <div className={styles.controls}>
        <Field label="År" className={styles.year}>
          <Select value={String(year)} onChange={(_e, data) => setYear(Number(data.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Vis" hint="Persontimer er timer ganget med antall deltakere: to på én time blir to persontimer.">
          <RadioGroup layout="horizontal" value={unit} onChange={(_e, data) => setUnit(data.value as PivotUnit)}>
            <Radio value="hours" label={UNIT_LABEL.hours} />
            <Radio value="personHours" label={UNIT_LABEL.personHours} />
          </RadioGroup>
        </Field>
      </div>
      {pivot.error ? <ErrorMessage error={pivot.error} /> : null}
      {pivot.isPending ? <Loading label="Regner ut statistikk …" /> : null}
      {pivot.data && grid ? (
        grid.rows.length === 0 ? (
          <MessageBar intent="info">
            <MessageBarBody>Ingen timer registrert i {pivot.data.year}.</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <Text className={styles.summary}>
              {pivot.data.year}:{' '}
              {formatTimeTotals({
                minutes: pivot.data.total.minutes,
                personMinutes: Math.round(pivot.data.total.personHours * 60),
                entries: pivot.data.total.entries,
              })}
            </Text>
            <PivotTable grid={grid} unit={unit} />
          </>
        )
      ) : null}
    </div>
  );
}
