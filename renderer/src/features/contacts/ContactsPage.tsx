import { Button, Checkbox, Field, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArchiveRegular, ArrowUndoRegular, DeleteRegular } from '@fluentui/react-icons';
import { useDeferredValue, useState } from 'react';
import type { ContactDto } from '@shared/contract';
import { CONTACT_KINDS, CONTACT_KIND_LABEL, type ContactKind } from '@shared/domain/caseLife';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { ErrorMessage, FormErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { MunicipalityDropdown } from '@renderer/components/MunicipalityDropdown';
import { PageHeader } from '@renderer/components/PageHeader';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { useApiQuery } from '@renderer/lib/query';
import { useSubmit } from '@renderer/lib/useSubmit';
import { ContactDialog, PersonDialog } from './ContactForm';

const MEMBER_KINDS = ['member'] as const;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  filter: { minWidth: '200px' },
  people: { display: 'flex', flexDirection: 'column' },
  person: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXXS },
});

function placeOf(c: ContactDto): string {
  if (c.area === 'member') return c.municipalityName ?? '–';
  if (c.area === 'other') return `${c.otherMunicipality ?? ''} (annen kommune)`;
  return 'Regional';
}

/** The partner directory: organisations and the people in them, searched and sorted the Norwegian way. */
export function ContactsPage() {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const [municipalityId, setMunicipalityId] = useState<number | undefined>();
  const [kind, setKind] = useState<ContactKind | undefined>();
  const [includeArchived, setIncludeArchived] = useState(false);
  const deferred = useDeferredValue(search.trim());
  const contacts = useApiQuery(
    'contacts:list',
    { ...(deferred ? { search: deferred.slice(0, 60) } : {}), ...(municipalityId ? { municipalityId } : {}), ...(kind ? { kind } : {}), includeArchived },
    { keepPrevious: true },
  );
  const archive = useSubmit('contacts:archive');
  const remove = useSubmit('contacts:delete');

  return (
    <div className={styles.stack}>
      <PageHeader title="Samarbeidspartnere" description="NAV, boligkontor, institusjoner og andre teamet samarbeider med." actions={<ContactDialog />} />
      <div className={styles.filters} role="search" aria-label="Finn samarbeidspartnere">
        <Field label="Søk" className={styles.filter}>
          <SearchBox value={search} maxLength={60} placeholder="Navn, kommune eller person" onChange={(_e, d) => setSearch(d.value)} />
        </Field>
        <Field label="Kommune" className={styles.filter}>
          <MunicipalityDropdown kinds={MEMBER_KINDS} value={municipalityId} onChange={setMunicipalityId} emptyOption="Alle kommuner" />
        </Field>
        <Field label="Type" className={styles.filter}>
          <ChoiceDropdown value={kind} options={CONTACT_KINDS} labels={CONTACT_KIND_LABEL} onChange={setKind} emptyOption="Alle typer" />
        </Field>
        <Checkbox label="Vis arkiverte" checked={includeArchived} onChange={(_e, d) => setIncludeArchived(d.checked === true)} />
      </div>
      <FormErrorMessage message={archive.message ?? remove.message} stale={archive.stale || remove.stale} />
      {contacts.error ? <ErrorMessage error={contacts.error} /> : null}
      {contacts.isPending ? <Loading label="Henter samarbeidspartnere …" /> : null}
      {contacts.data ? (
        <SimpleTable<ContactDto>
          ariaLabel="Samarbeidspartnere"
          rows={contacts.data}
          rowKey={(c) => c.id}
          emptyText={deferred || municipalityId || kind ? 'Ingen samarbeidspartnere passer søket.' : 'Ingen samarbeidspartnere registrert ennå.'}
          columns={[
            { header: 'Navn', cell: (c) => (c.archived ? `${c.name} (arkivert)` : c.name) },
            { header: 'Type', width: '190px', cell: (c) => CONTACT_KIND_LABEL[c.kind] },
            { header: 'Kommune', width: '130px', cell: placeOf },
            {
              header: 'Kontakt',
              cell: (c) => (
                <span className={styles.people}>
                  {c.phone ? <span>{c.phone}</span> : null}
                  {c.email ? <span>{c.email}</span> : null}
                  {c.address ? <span className={styles.muted}>{c.address}</span> : null}
                </span>
              ),
            },
            {
              header: 'Personer',
              cell: (c) => (
                <span className={styles.people}>
                  {c.people.map((p) => (
                    <span key={p.id} className={styles.person}>
                      <span>
                        {p.name}
                        {p.role ? <Text className={styles.muted}> – {p.role}</Text> : null}
                      </span>
                      <PersonDialog contactId={c.id} contactName={c.name} person={p} />
                    </span>
                  ))}
                </span>
              ),
            },
            { header: 'I bruk', width: '70px', numeric: true, cell: (c) => c.uses },
            {
              header: 'Handlinger',
              width: '150px',
              cell: (c) => {
                const archiveLabel = `${c.archived ? 'Hent fram' : 'Arkiver'} ${c.name}`;
                return (
                  <span className={styles.actions}>
                    <ContactDialog contact={c} />
                    <PersonDialog contactId={c.id} contactName={c.name} />
                    <Button
                      appearance="subtle"
                      icon={c.archived ? <ArrowUndoRegular /> : <ArchiveRegular />}
                      aria-label={archiveLabel}
                      title={archiveLabel}
                      onClick={() => void archive.submit({ id: c.id, version: c.version, archived: !c.archived })}
                    />
                    {c.uses === 0 ? (
                      <Button
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`Slett ${c.name}`}
                        title={`Slett ${c.name}`}
                        onClick={() => void remove.submit({ id: c.id, version: c.version })}
                      />
                    ) : null}
                  </span>
                );
              },
            },
          ]}
        />
      ) : null}
      <Text className={styles.muted}>En samarbeidspartner som er knyttet til en sak eller et møte kan ikke slettes, bare arkiveres.</Text>
    </div>
  );
}
