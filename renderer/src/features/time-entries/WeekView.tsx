import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TeamMemberDto } from '@shared/contract';
import { addDays } from '@shared/dates';
import { formatHours, formatNorwegianDate } from '@shared/format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { MemberPicker } from '@renderer/components/MemberPicker';
import { readLastDate } from './lastDate';
import { useApiQuery } from '@renderer/lib/query';

const DAY_NAMES = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  numeric: { textAlign: 'end' },
});

export function mondayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(isoDate, -weekday);
}

/** One member's week with daily sums: the hours they took part in, Monday to Sunday. */
export function WeekView({ member }: { member: TeamMemberDto }) {
  const styles = useStyles();
  const [memberId, setMemberId] = useState(member.id);
  // The week being logged (the last date used in the entry row), which is usually this week.
  const [weekStart, setWeekStart] = useState(() => mondayOf(readLastDate()));
  const week = useApiQuery('time-entries:week', { teamMemberId: memberId, weekStart }, { keepPrevious: true });
  return (
    <div className={styles.stack}>
      <div className={styles.bar}>
        <FormField label="Ukevisning for">
          <MemberPicker value={[memberId]} onChange={(ids) => ids.length > 0 && setMemberId(ids[ids.length - 1]!)} />
        </FormField>
        <Button icon={<ChevronLeftRegular />} onClick={() => setWeekStart((w) => addDays(w, -7))}>
          Forrige uke
        </Button>
        <Button icon={<ChevronRightRegular />} iconPosition="after" onClick={() => setWeekStart((w) => addDays(w, 7))}>
          Neste uke
        </Button>
        <Text>
          Uke fra {formatNorwegianDate(weekStart)} til {formatNorwegianDate(addDays(weekStart, 6))}
        </Text>
      </div>
      {week.error ? <ErrorMessage error={week.error} /> : null}
      <Table aria-label="Timer per dag denne uka" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Dag</TableHeaderCell>
            <TableHeaderCell>Dato</TableHeaderCell>
            <TableHeaderCell>Registreringer</TableHeaderCell>
            <TableHeaderCell>Timer</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(week.data?.days ?? []).map((day, i) => (
            <TableRow key={day.date}>
              <TableCell>{DAY_NAMES[i]}</TableCell>
              <TableCell>{formatNorwegianDate(day.date)}</TableCell>
              <TableCell className={styles.numeric}>{day.entries}</TableCell>
              <TableCell className={styles.numeric}>{formatHours(day.minutes)}</TableCell>
            </TableRow>
          ))}
          {week.data ? (
            <TableRow>
              <TableCell>
                <strong>Sum</strong>
              </TableCell>
              <TableCell />
              <TableCell className={styles.numeric}>{week.data.days.reduce((n, d) => n + d.entries, 0)}</TableCell>
              <TableCell className={styles.numeric}>
                <strong>{formatHours(week.data.minutes)}</strong>
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
