import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AuditFilter } from '@shared/contract';
import { formatCount } from '@shared/count';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { useCurrentMember } from '@renderer/lib/session';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { saveBase64File } from './saveFile';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Revisjonslogg: who did what, filtered, exported, and checked for edits made outside the app. */
export function AuditPage() {
  const styles = useStyles();
  const member = useCurrentMember();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const isAdmin = member?.role === 'administrator';
  const list = useApiQuery('audit:list', { filter, page }, { enabled: isAdmin, keepPrevious: true });
  const verify = useApiQuery('audit:verify', {}, { enabled: false });
  const exportLog = useApiMutation('audit:export');

  if (!isAdmin) {
    return (
      <div className={styles.stack}>
        <PageHeader title="Revisjonslogg" />
        <Text>Bare administrator kan se revisjonsloggen.</Text>
      </div>
    );
  }

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <div className={styles.stack}>
      <PageHeader
        title="Revisjonslogg"
        description="Hvem som gjorde hva og når. Loggen viser navn på feltene som ble endret, aldri innholdet, og kan ikke endres."
        actions={
          <div className={styles.actions}>
            <Button icon={<ShieldCheckmarkRegular />} onClick={() => void verify.refetch()} disabled={verify.isFetching}>
              Kontroller loggen
            </Button>
            <Button
              appearance="primary"
              icon={<ArrowDownloadRegular />}
              disabled={exportLog.isPending}
              onClick={() => exportLog.mutate({ filter }, { onSuccess: (file) => saveBase64File(file.fileName, file.contentBase64) })}
            >
              Eksporter til Excel
            </Button>
          </div>
        }
      />
      {verify.data ? (
        <MessageBar intent={verify.data.ok ? 'success' : 'error'}>
          <MessageBarBody>
            {verify.data.ok
              ? `Loggen er hel: ${formatCount(verify.data.rows, 'rad')} kontrollert.`
              : `Loggen er endret utenfor appen. Første brutte rad er nr. ${verify.data.firstBrokenId}.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {exportLog.error ? <ErrorMessage error={exportLog.error} /> : null}
      <AuditFilters
        filter={filter}
        onChange={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.isPending ? <Loading label="Henter revisjonsloggen …" /> : null}
      {list.data ? (
        <>
          <AuditTable rows={list.data.rows} />
          <div className={styles.pager}>
            <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Forrige
            </Button>
            <Text>
              Side {page} av {pages} ({formatCount(list.data.total, 'hendelse')})
            </Text>
            <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Neste
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
