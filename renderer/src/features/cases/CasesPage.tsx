import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, DismissRegular } from '@fluentui/react-icons';
import type { SortingState } from '@tanstack/react-table';
import { useDeferredValue, useState } from 'react';
import { formatCount } from '@shared/count';
import { formatInteger } from '@shared/format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { useApiQuery } from '@renderer/lib/query';
import { CaseFilters, type CaseFilterValues } from './CaseFilters';
import { CaseTable } from './CaseTable';
import { SORT_FIELD_OF_COLUMN } from './caseColumns';
import { NewCaseDialog } from './NewCaseDialog';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

export function CasesPage() {
  const styles = useStyles();
  const [filters, setFilters] = useState<CaseFilterValues>({ search: '' });
  const [sorting, setSorting] = useState<SortingState>([]);
  const [page, setPage] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const search = useDeferredValue(filters.search.trim());
  const { search: _typed, ...chosen } = filters;
  const filter = { ...chosen, ...(search ? { search: search.slice(0, 20) } : {}) };
  const sorted = sorting[0];
  const sort =
    sorted && SORT_FIELD_OF_COLUMN[sorted.id]
      ? { field: SORT_FIELD_OF_COLUMN[sorted.id]!, direction: sorted.desc ? ('desc' as const) : ('asc' as const) }
      : undefined;
  const cases = useApiQuery('cases:page', { filter, page, pageSize: PAGE_SIZE, ...(sort ? { sort } : {}) }, { keepPrevious: true });
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const total = cases.data?.total ?? 0;
  const from = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * PAGE_SIZE);

  return (
    <div className={styles.stack}>
      <PageHeader
        title="Saker"
        description="Sakene teamet følger opp, med sakskode i stedet for navn."
        actions={<NewCaseDialog onCreated={(c) => setCreated(c.code)} />}
      />
      {created ? (
        <MessageBar intent="success">
          <MessageBarBody>Saken er registrert med sakskode {created}.</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Lukk meldingen" icon={<DismissRegular />} onClick={() => setCreated(null)} />}
          />
        </MessageBar>
      ) : null}
      <CaseFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPage(0);
        }}
      />
      {cases.error ? <ErrorMessage error={cases.error} /> : null}
      {cases.isPending ? (
        <Loading label="Henter saker …" />
      ) : cases.data ? (
        <>
          <CaseTable
            cases={cases.data.rows}
            sorting={sorting}
            onSortingChange={(next) => {
              setSorting(next);
              setPage(0);
            }}
            emptyText={filtered ? 'Ingen saker passer søket.' : 'Ingen saker ennå. Velg «Ny sak» for å registrere den første.'}
          />
          <nav className={styles.pager} aria-label="Sider">
            <Text role="status">
              Viser {formatInteger(from)}–{formatInteger(to)} av {formatCount(total, 'sak')}
            </Text>
            <Button icon={<ChevronLeftRegular />} disabled={page === 0} onClick={() => setPage(page - 1)}>
              Forrige
            </Button>
            <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={to >= total} onClick={() => setPage(page + 1)}>
              Neste
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
