import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CalendarLtrRegular, CalendarMonthRegular, PeopleTeamRegular, PersonRegular } from '@fluentui/react-icons';
import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { TimeEntryDto } from '@shared/contract';
import { minutesToHours } from '@shared/format';
import { ErrorMessage, FormErrorMessage } from '@renderer/components/ErrorMessage';
import { errorMessage } from '@renderer/lib/api';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { downloadFile } from '@renderer/lib/download';
import { describeEntry } from './EntryActions';
import { SORT_FIELD_BY_COLUMN } from './entryColumns';
import { EntryFilters, type EntryFilter } from './EntryFilters';
import { EntryGrid, gridPageInput } from './EntryGrid';
import { monthOf } from './monthFilter';
import { formatTotals } from './totals';
import { todayIso } from '@renderer/lib/dates';

const useStyles = makeStyles({
  // Fills the tab's height so the grid below can take the rest of the window.
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flex: 1, minHeight: 0 },
  bar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  totals: { color: tokens.colorNeutralForeground2 },
});

interface EntryListSectionProps {
  filter: EntryFilter;
  onFilterChange: (filter: EntryFilter) => void;
  /** The signed-in member, for the one-click switch between their own entries and the whole team's. */
  memberId: number | undefined;
}

/** The list: filters, totals for the filter, export of exactly what is shown, and undo right after a delete. */
export function EntryListSection({ filter, onFilterChange: setFilter, memberId }: EntryListSectionProps) {
  const styles = useStyles();
  const mine = memberId !== undefined && filter.teamMemberId === memberId;
  const dated = filter.from !== undefined || filter.to !== undefined;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'date', desc: true }]);
  const [deleted, setDeleted] = useState<TimeEntryDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sortState = sorting[0];
  const sort = { field: SORT_FIELD_BY_COLUMN[sortState?.id ?? 'date'] ?? 'date', direction: sortState?.desc === false ? 'asc' : 'desc' } as const;
  const first = useApiQuery('time-entries:list', gridPageInput(0, sort, filter), { keepPrevious: true });
  const restore = useApiMutation('time-entries:create');
  const exporter = useApiMutation('time-entries:export');

  const undo = async (entry: TimeEntryDto) => {
    setProblem(null);
    try {
      await restore.mutateAsync({
        date: entry.date,
        caseCode: entry.caseCode,
        municipalityId: entry.municipalityId,
        categoryId: entry.categoryId,
        hours: minutesToHours(entry.minutes),
        participantIds: entry.participants.map((p) => p.id),
      });
      setDeleted(null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const exportAs = async (format: 'xlsx' | 'csv') => {
    setProblem(null);
    try {
      downloadFile(await exporter.mutateAsync({ format, filter }));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <div className={styles.stack}>
      <EntryFilters value={filter} onChange={setFilter} />
      <div className={styles.bar}>
        <Text className={styles.totals} aria-live="polite">
          {first.data ? formatTotals(first.data.totals) : ' '}
        </Text>
        <div className={styles.buttons}>
          {memberId === undefined ? null : mine ? (
            <Button icon={<PeopleTeamRegular />} onClick={() => setFilter({ ...filter, teamMemberId: undefined })}>
              Hele teamet
            </Button>
          ) : (
            <Button icon={<PersonRegular />} onClick={() => setFilter({ ...filter, teamMemberId: memberId })}>
              Bare mine
            </Button>
          )}
          {dated ? (
            <Button icon={<CalendarLtrRegular />} onClick={() => setFilter({ ...filter, from: undefined, to: undefined })}>
              Alle datoer
            </Button>
          ) : (
            <Button icon={<CalendarMonthRegular />} onClick={() => setFilter({ ...filter, ...monthOf(todayIso()) })}>
              Denne måneden
            </Button>
          )}
          <Button icon={<ArrowDownloadRegular />} disabled={exporter.isPending} onClick={() => void exportAs('xlsx')}>
            Eksporter til Excel
          </Button>
          <Button icon={<ArrowDownloadRegular />} disabled={exporter.isPending} onClick={() => void exportAs('csv')}>
            Eksporter til CSV
          </Button>
        </div>
      </div>
      {deleted ? (
        <MessageBar intent="info">
          <MessageBarBody>Slettet: {describeEntry(deleted)}.</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" disabled={restore.isPending} onClick={() => void undo(deleted)}>
              Angre
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <FormErrorMessage message={problem} />
      {first.error ? <ErrorMessage error={first.error} /> : null}
      <EntryGrid filter={filter} sort={sort} sorting={sorting} onSortingChange={setSorting} onDeleted={setDeleted} />
    </div>
  );
}
