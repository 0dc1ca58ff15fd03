import {
  Button,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TeamMemberDto, TimeEntryDto } from '@shared/contract';
import { addDays } from '@shared/dates';
import { formatHours, formatNorwegianDate } from '@shared/format';
import { parseHours } from '@shared/hours';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { MemberPicker } from '@renderer/components/MemberPicker';
import { errorMessage } from '@renderer/lib/api';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { AddWeekRow } from './AddWeekRow';
import { ConfirmQuestion, entryQuestion, type EntryQuestion } from './ConfirmQuestion';
import { readLastDate } from './lastDate';
import { isoWeek, mondayOf, weekDates } from './weekDates';
import { buildWeekRows, minutesOf, weekRowKey, type NewWeekRow, type WeekRow } from './weekRows';

const DAY_NAMES = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];
/** A member takes part in at most 48 half-hour entries a day, 336 a week: one page holds any week. */
const WEEK_PAGE_SIZE = 1000;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  week: { margin: 0 },
  table: { tableLayout: 'fixed' },
  caseColumn: { width: '120px' },
  categoryColumn: { width: '190px' },
  sumColumn: { width: '70px' },
  numeric: { textAlign: 'end', justifyContent: 'flex-end' },
  cell: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  input: { width: '100%', minWidth: 0 },
  inputText: { textAlign: 'end' },
  note: { color: tokens.colorNeutralForeground2 },
});

type CellText = Record<string, string>;
const cellId = (row: WeekRow, day: number) => `${row.key}#${day}`;

/** What a cell's box shows before it is typed into: the hours of its one entry, or nothing. */
function storedText(entries: readonly TimeEntryDto[]): string {
  return entries.length === 1 ? formatHours(entries[0]!.minutes) : '';
}

/**
 * The week as the time sheet's grid: a line per case × category, a column per day. Hours typed into a
 * cell are saved when the cell is left (Tab, Enter, an arrow key, a click elsewhere) as one entry
 * through the same channel and rules as the entry form; a cell with one entry changes that entry,
 * emptying it deletes the entry, and a cell with several shows their sum and sends the member to the list.
 */
export function WeekGrid({ member, onShowDay }: { member: TeamMemberDto; onShowDay: (date: string, memberId: number) => void }) {
  const styles = useStyles();
  const [memberId, setMemberId] = useState(member.id);
  // The week being logged (the last date used in the entry row), which is usually this week.
  const [weekStart, setWeekStart] = useState(() => mondayOf(readLastDate()));
  const dates = weekDates(weekStart);
  const week = useApiQuery(
    'time-entries:list',
    {
      page: 0,
      pageSize: WEEK_PAGE_SIZE,
      sort: { field: 'createdAt', direction: 'asc' },
      filter: { teamMemberId: memberId, from: dates[0]!, to: dates[6]! },
    },
    { keepPrevious: true },
  );
  const create = useApiMutation('time-entries:create');
  const update = useApiMutation('time-entries:update');
  const remove = useApiMutation('time-entries:delete');
  const [added, setAdded] = useState<NewWeekRow[]>([]);
  const [drafts, setDrafts] = useState<CellText>({});
  const [problems, setProblems] = useState<CellText>({});
  const [question, setQuestion] = useState<(EntryQuestion & { row: WeekRow; day: number; text: string }) | null>(null);
  const saving = useRef(new Set<string>());
  const gridRef = useRef<HTMLTableElement>(null);
  const focusRow = useRef<string | null>(null);

  // A colleague's week is shown, never typed into: a cell saved there would be the colleague's entry,
  // logged in their name by someone else. Work done together is registered once, in the form, with both
  // as participants; each then sees it in their own week.
  const readOnly = memberId !== member.id;
  const shownMember = useApiQuery('team-members:list', {}).data?.find((m) => m.id === memberId);
  const rows = buildWeekRows(dates, week.data?.rows ?? [], readOnly ? [] : added);
  const { week: weekNumber, year } = isoWeek(weekStart);

  const cellElement = (row: number, day: number) => gridRef.current?.querySelector<HTMLElement>(`[data-week-cell="${row}:${day}"]`) ?? null;
  const focusCell = (row: number, day: number) => {
    const element = cellElement(row, day);
    element?.focus();
    if (element instanceof HTMLInputElement) element.select();
    return element !== null;
  };

  // A line just added gets the cursor in its first day, ready for hours.
  useEffect(() => {
    if (focusRow.current === null) return;
    const index = rows.findIndex((r) => r.key === focusRow.current);
    focusRow.current = null;
    if (index >= 0) focusCell(index, 0);
  });

  const setCell = (id: string, text: string | undefined, into: typeof setDrafts) =>
    into((current) => {
      const next = { ...current };
      if (text === undefined) delete next[id];
      else next[id] = text;
      return next;
    });

  const saveCell = async (row: WeekRow, day: number, text: string, flags: EntryQuestion['flags'] = {}) => {
    const id = cellId(row, day);
    const entries = row.days[day]!;
    const existing = entries[0];
    if (entries.length > 1 || saving.current.has(id)) return;
    const typed = text.trim();
    if (typed === storedText(entries) || (typed === '' && !existing)) {
      setCell(id, undefined, setDrafts);
      setCell(id, undefined, setProblems);
      return;
    }
    const parsed = typed === '' ? null : parseHours(typed);
    if (parsed && !parsed.ok) {
      setCell(id, parsed.message, setProblems);
      return;
    }
    if (parsed && existing && parsed.minutes === existing.minutes) {
      setCell(id, undefined, setDrafts);
      return;
    }
    saving.current.add(id);
    try {
      if (!parsed && existing) {
        await remove.mutateAsync({ id: existing.id, version: existing.version });
      } else if (existing) {
        await update.mutateAsync({
          id: existing.id,
          version: existing.version,
          date: existing.date,
          caseCode: existing.caseCode,
          municipalityId: existing.municipalityId,
          categoryId: existing.categoryId,
          hours: typed,
          participantIds: existing.participants.map((p) => p.id),
          municipalityOverrideReason: existing.municipalityOverrideReason,
          ...flags,
        });
      } else {
        await create.mutateAsync({
          date: dates[day]!,
          caseCode: row.caseCode,
          municipalityId: row.municipalityId,
          categoryId: row.categoryId,
          hours: typed,
          participantIds: row.participantIds,
          municipalityOverrideReason: row.municipalityOverrideReason,
          ...flags,
        });
      }
      setCell(id, undefined, setDrafts);
      setCell(id, undefined, setProblems);
    } catch (error) {
      const asked = entryQuestion(error);
      if (asked) setQuestion({ ...asked, row, day, text });
      else setCell(id, errorMessage(error), setProblems);
    } finally {
      saving.current.delete(id);
    }
  };

  const onCellKey = (event: KeyboardEvent<HTMLElement>, rowIndex: number, day: number) => {
    const input = event.currentTarget instanceof HTMLInputElement ? event.currentTarget : null;
    const atStart = !input || (input.selectionStart === 0 && input.selectionEnd === 0);
    const atEnd = !input || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length);
    const move = (row: number, column: number) => {
      if (focusCell(row, column)) event.preventDefault();
    };
    if (event.key === 'ArrowUp') move(rowIndex - 1, day);
    else if (event.key === 'ArrowDown') move(rowIndex + 1, day);
    else if (event.key === 'ArrowLeft' && atStart) move(rowIndex, day - 1);
    else if (event.key === 'ArrowRight' && atEnd) move(rowIndex, day + 1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      // Leaving the cell saves it; on the last line there is nowhere to go, so save in place.
      const row = rows[rowIndex];
      if (!focusCell(rowIndex + 1, day) && row && input) void saveCell(row, day, input.value);
    } else if (event.key.toLowerCase() === 'd' && (event.ctrlKey || event.metaKey) && input) {
      // Ctrl+D, as in Excel: the hours of the cell above, saved at once.
      event.preventDefault();
      const above = rows[rowIndex - 1];
      const row = rows[rowIndex];
      if (!above || !row) return;
      const text = drafts[cellId(above, day)] ?? storedText(above.days[day]!);
      if (text === '') return;
      setCell(cellId(row, day), text, setDrafts);
      void saveCell(row, day, text);
    }
  };

  const dayTotals = dates.map((_, day) => rows.reduce((sum, row) => sum + minutesOf(row.days[day]!), 0));
  const weekTotal = dayTotals.reduce((a, b) => a + b, 0);
  const cellProblems = rows.flatMap((row, rowIndex) =>
    row.days.flatMap((_, day) => {
      const problem = problems[cellId(row, day)];
      return problem
        ? [
            {
              key: cellId(row, day),
              rowIndex,
              day,
              text: `${DAY_NAMES[day]} ${formatNorwegianDate(dates[day]!)}, ${row.caseLabel}, ${row.categoryLabel}: ${problem}`,
            },
          ]
        : [];
    }),
  );

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
        <Text as="h2" size={500} weight="semibold" className={styles.week}>
          Uke {weekNumber}, {year}
        </Text>
        <Text className={styles.note}>
          {formatNorwegianDate(dates[0]!)}–{formatNorwegianDate(dates[6]!)}
        </Text>
      </div>
      {readOnly ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Du ser uka til {shownMember?.displayName ?? 'et annet teammedlem'} og kan ikke endre den her. Har dere arbeidet sammen, registrerer du timene i
            skjemaet over med begge som deltakere; da kommer de med i begges uke.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text size={200} className={styles.note}>
          Skriv timer i cellene (1,5 · 1:30 · 90m). Cellen lagres når du går ut av den med Tab, Enter eller piltastene; tom celle sletter registreringen. Ctrl+D
          henter timene fra linjen over.
        </Text>
      )}
      {week.error ? <ErrorMessage error={week.error} /> : null}
      <ConfirmQuestion
        question={question}
        onConfirm={() => {
          if (!question) return;
          setQuestion(null);
          void saveCell(question.row, question.day, question.text, question.flags);
        }}
        onCancel={() => {
          const index = question ? rows.findIndex((r) => r.key === question.row.key) : -1;
          const day = question?.day ?? 0;
          setQuestion(null);
          if (index >= 0) focusCell(index, day);
        }}
      />
      {cellProblems.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {cellProblems.map((p) => (
              <div key={p.key}>{p.text}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Table ref={gridRef} aria-label={`Timer uke ${weekNumber}`} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.caseColumn}>Sak</TableHeaderCell>
            <TableHeaderCell className={styles.categoryColumn}>Hendelse</TableHeaderCell>
            {dates.map((date, day) => (
              <TableHeaderCell key={date} button={{ className: styles.numeric }}>
                {DAY_NAMES[day]!.slice(0, 3)} {formatNorwegianDate(date).slice(0, 6)}
              </TableHeaderCell>
            ))}
            <TableHeaderCell className={styles.sumColumn} button={{ className: styles.numeric }}>
              Sum
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={10} className={styles.note}>
                {week.isPending ? 'Henter uka …' : 'Ingen timer denne uka. Legg til en linje under.'}
              </TableCell>
            </TableRow>
          ) : null}
          {rows.map((row, rowIndex) => (
            <TableRow key={row.key}>
              <TableCell>
                {row.caseLabel}
                {row.municipalityNote ? <span className={styles.note}> ({row.municipalityNote})</span> : null}
              </TableCell>
              <TableCell>{row.categoryLabel}</TableCell>
              {row.days.map((entries, day) => {
                const id = cellId(row, day);
                const name = `${row.caseLabel}, ${row.categoryLabel}, ${DAY_NAMES[day]!.toLowerCase()} ${formatNorwegianDate(dates[day]!)}`;
                if (entries.length > 1) {
                  const sum = formatHours(minutesOf(entries));
                  return (
                    <TableCell key={id} className={mergeClasses(styles.cell, styles.numeric)}>
                      <Link
                        data-week-cell={`${rowIndex}:${day}`}
                        title={`${entries.length} registreringer, ${sum} timer til sammen. Endre dem i lista.`}
                        aria-label={`${name}: ${entries.length} registreringer, ${sum} timer. Vis i lista`}
                        onKeyDown={(event) => onCellKey(event, rowIndex, day)}
                        onClick={() => onShowDay(dates[day]!, memberId)}
                      >
                        {sum}
                      </Link>
                    </TableCell>
                  );
                }
                if (readOnly) {
                  return (
                    <TableCell key={id} className={mergeClasses(styles.cell, styles.numeric)}>
                      {storedText(entries)}
                    </TableCell>
                  );
                }
                const problem = problems[id];
                return (
                  <TableCell key={id} className={styles.cell}>
                    <Input
                      size="small"
                      className={styles.input}
                      input={{ className: styles.inputText }}
                      data-week-cell={`${rowIndex}:${day}`}
                      aria-label={name}
                      aria-invalid={problem ? true : undefined}
                      title={problem}
                      inputMode="decimal"
                      autoComplete="off"
                      value={drafts[id] ?? storedText(entries)}
                      onChange={(_e, data) => setCell(id, data.value, setDrafts)}
                      onKeyDown={(event) => onCellKey(event, rowIndex, day)}
                      onBlur={(event) => {
                        if (drafts[id] !== undefined) void saveCell(row, day, event.currentTarget.value);
                      }}
                    />
                  </TableCell>
                );
              })}
              <TableCell className={styles.numeric}>{formatHours(row.days.reduce((sum, entries) => sum + minutesOf(entries), 0))}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <strong>Sum</strong>
            </TableCell>
            <TableCell />
            {dayTotals.map((minutes, day) => (
              <TableCell key={dates[day]} className={styles.numeric}>
                {formatHours(minutes)}
              </TableCell>
            ))}
            <TableCell className={styles.numeric}>
              <strong>{formatHours(weekTotal)}</strong>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {readOnly ? null : (
        <AddWeekRow
          memberId={memberId}
          onAdd={(row) => {
            focusRow.current = weekRowKey(row);
            setAdded((current) => [...current, row]);
          }}
        />
      )}
    </div>
  );
}
