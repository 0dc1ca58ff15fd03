import { Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DateInput } from '@renderer/components/DateInput';
import { currentYear } from '@renderer/lib/dates';
import { isIsoDate } from '@shared/dates';
import type { StatisticsPeriod } from '@shared/contract';

/** The team started on 1 January 2020; nothing is logged before that. */
const FIRST_YEAR = 2020;

export interface PeriodChoice {
  mode: 'year' | 'range';
  year: number;
  from: string;
  to: string;
}

/** The period to ask for, or a Norwegian reason why the range cannot be used yet. */
export function periodFromChoice(choice: PeriodChoice): { period: StatisticsPeriod } | { problem: string } {
  if (choice.mode === 'year') return { period: { year: choice.year } };
  if (!isIsoDate(choice.from) || !isIsoDate(choice.to)) return { problem: 'Skriv fra- og til-dato som dd.mm.åååå.' };
  if (choice.from > choice.to) return { problem: 'Fra-datoen må være før eller lik til-datoen.' };
  return { period: { from: choice.from, to: choice.to } };
}

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  year: { width: '140px' },
  date: { width: '150px' },
});

export function PeriodPicker({ value, onChange, problem }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void; problem?: string }) {
  const styles = useStyles();
  const thisYear = currentYear();
  const years = Array.from({ length: Math.max(thisYear, FIRST_YEAR) - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  return (
    <div className={styles.row}>
      <Field label="Periode">
        <RadioGroup layout="horizontal" value={value.mode} onChange={(_e, data) => onChange({ ...value, mode: data.value as PeriodChoice['mode'] })}>
          <Radio value="year" label="År" />
          <Radio value="range" label="Datoer" />
        </RadioGroup>
      </Field>
      {value.mode === 'year' ? (
        <Field label="År" className={styles.year}>
          <Select value={String(value.year)} onChange={(_e, data) => onChange({ ...value, year: Number(data.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <>
          <Field label="Fra" className={styles.date}>
            <DateInput value={value.from} onChange={(from) => onChange({ ...value, from })} />
          </Field>
          <Field label="Til" className={styles.date} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
            <DateInput value={value.to} onChange={(to) => onChange({ ...value, to })} />
          </Field>
        </>
      )}
    </div>
  );
}
