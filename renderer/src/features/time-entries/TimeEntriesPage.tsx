import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { formatInteger } from '../../../../shared/format';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../lib/query';
import { useCurrentMember } from '../../lib/session';
import { EntryTable } from './EntryTable';
import { SORT_FIELD_BY_COLUMN } from './entryColumns';
import { TimeEntryForm } from './TimeEntryForm';
import { formatTotals } from './totals';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  listHeader: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  heading: { margin: 0 },
  totals: { color: tokens.colorNeutralForeground2 },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

export function TimeEntriesPage() {
  const styles = useStyles();
  const member = useCurrentMember();
  const [page, setPage] = useState(0);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'date', desc: true }]);
  const sort = sorting[0];
  const entries = useApiQuery(
    'time-entries:list',
    {
      page,
      pageSize: PAGE_SIZE,
      sort: { field: SORT_FIELD_BY_COLUMN[sort?.id ?? 'date'] ?? 'date', direction: sort?.desc === false ? 'asc' : 'desc' },
    },
    { keepPrevious: true },
  );
  const data = entries.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const first = data && data.total > 0 ? page * PAGE_SIZE + 1 : 0;
  const last = data ? Math.min(data.total, (page + 1) * PAGE_SIZE) : 0;
  // Deleting the only row of the last page would leave an empty page behind.
  if (data && !entries.isPlaceholderData && page > pageCount - 1) setPage(pageCount - 1);

  return (
    <div className={styles.stack}>
      <PageHeader title="Timer" description="Registrer tidsbruk slik dere før førte den i timelisten." />
      {member ? <TimeEntryForm member={member} /> : null}
      <section className={styles.stack} aria-labelledby="registreringer-overskrift">
        <div className={styles.listHeader}>
          <Text as="h2" id="registreringer-overskrift" size={500} weight="semibold" className={styles.heading}>
            Registreringer
          </Text>
          {data ? <Text className={styles.totals}>{formatTotals(data.totals)}</Text> : null}
        </div>
        {entries.error ? <ErrorMessage error={entries.error} /> : null}
        {entries.isPending ? <Loading label="Henter registreringer …" /> : null}
        {data ? (
          <>
            <EntryTable
              rows={data.rows}
              sorting={sorting}
              onSortingChange={(next) => {
                setSorting(next);
                setPage(0);
              }}
            />
            {data.total > 0 ? (
              <div className={styles.pager}>
                <Text>
                  Viser {formatInteger(first)}–{formatInteger(last)} av {formatInteger(data.total)}
                </Text>
                <Button icon={<ChevronLeftRegular />} disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
                  Forrige
                </Button>
                <Button
                  icon={<ChevronRightRegular />}
                  iconPosition="after"
                  disabled={page + 1 >= pageCount}
                  onClick={() => setPage((p) => p + 1)}
                >
                  Neste
                </Button>
              </div>
            ) : null}
          </>
        ) : null}
      </section>
    </div>
  );
}
