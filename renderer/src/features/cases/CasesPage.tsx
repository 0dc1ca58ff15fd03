import { Field, MessageBar, MessageBarActions, MessageBarBody, Button, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useDeferredValue, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { MunicipalityDropdown } from '../../components/MunicipalityDropdown';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../lib/query';
import { CaseTable } from './CaseTable';
import { NewCaseDialog } from './NewCaseDialog';

const MEMBER_KINDS = ['member'] as const;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  search: { width: '260px' },
  filter: { minWidth: '220px' },
});

export function CasesPage() {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const [municipalityId, setMunicipalityId] = useState<number | undefined>();
  const [created, setCreated] = useState<string | null>(null);
  const deferredSearch = useDeferredValue(search.trim());
  const filter = { ...(deferredSearch ? { search: deferredSearch.slice(0, 20) } : {}), ...(municipalityId ? { municipalityId } : {}) };
  const cases = useApiQuery('cases:list', filter, { keepPrevious: true });
  const filtered = Boolean(deferredSearch || municipalityId);

  return (
    <div className={styles.stack}>
      <PageHeader
        title="Saker"
        description="Sakene teamet følger opp, med saksnummer i stedet for navn."
        actions={<NewCaseDialog onCreated={(c) => setCreated(c.code)} />}
      />
      {created ? (
        <MessageBar intent="success">
          <MessageBarBody>Saken er registrert med saksnummer {created}.</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Lukk meldingen" icon={<DismissRegular />} onClick={() => setCreated(null)} />}
          />
        </MessageBar>
      ) : null}
      <div className={styles.filters} role="search" aria-label="Finn saker">
        <Field label="Søk etter saksnummer" className={styles.search}>
          <SearchBox value={search} maxLength={20} placeholder="For eksempel 02/20" onChange={(_e, data) => setSearch(data.value)} />
        </Field>
        <Field label="Vis saker fra" className={styles.filter}>
          <MunicipalityDropdown kinds={MEMBER_KINDS} value={municipalityId} onChange={setMunicipalityId} emptyOption="Alle kommuner" />
        </Field>
      </div>
      {cases.error ? <ErrorMessage error={cases.error} /> : null}
      {cases.isPending ? (
        <Loading label="Henter saker …" />
      ) : cases.data ? (
        <CaseTable
          cases={cases.data}
          emptyText={filtered ? 'Ingen saker passer søket.' : 'Ingen saker ennå. Velg «Ny sak» for å registrere den første.'}
        />
      ) : null}
    </div>
  );
}
