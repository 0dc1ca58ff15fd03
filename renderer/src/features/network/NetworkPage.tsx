import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { NetworkEventDto } from '@shared/contract';
import { NETWORK_KINDS, NETWORK_KIND_LABEL, type NetworkKind } from '@shared/domain/caseLife';
import { formatNorwegianDate } from '@shared/format';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { ErrorMessage, FormErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { currentYear } from '@renderer/lib/dates';
import { useApiQuery } from '@renderer/lib/query';
import { useSubmit } from '@renderer/lib/useSubmit';
import { NetworkEventDialog } from './NetworkEventDialog';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  filter: { minWidth: '200px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXXS },
});

const FIRST_YEAR = 2020;

/** The network log: where the team presented itself and met partners, for the annual report. */
export function NetworkPage() {
  const styles = useStyles();
  const [year, setYear] = useState<number | undefined>();
  const [kind, setKind] = useState<NetworkKind | undefined>();
  const events = useApiQuery('network:list', { ...(year ? { year } : {}), ...(kind ? { kind } : {}) }, { keepPrevious: true });
  const remove = useSubmit('network:delete');
  const years = Array.from({ length: currentYear() - FIRST_YEAR + 1 }, (_, i) => currentYear() - i);
  const yearLabels = Object.fromEntries(years.map((y) => [y, String(y)])) as Record<number, string>;
  return (
    <div className={styles.stack}>
      <PageHeader title="Nettverkslogg" description="Informasjonsmøter, samarbeidsmøter, fagnettverk og presentasjoner." actions={<NetworkEventDialog />} />
      <div className={styles.filters} role="search" aria-label="Filtrer nettverksloggen">
        <Field label="År" className={styles.filter}>
          <ChoiceDropdown value={year} options={years} labels={yearLabels} onChange={setYear} emptyOption="Alle år" />
        </Field>
        <Field label="Type" className={styles.filter}>
          <ChoiceDropdown value={kind} options={NETWORK_KINDS} labels={NETWORK_KIND_LABEL} onChange={setKind} emptyOption="Alle typer" />
        </Field>
      </div>
      <FormErrorMessage message={remove.message} stale={remove.stale} />
      {events.error ? <ErrorMessage error={events.error} /> : null}
      {events.isPending ? <Loading label="Henter nettverksloggen …" /> : null}
      {events.data ? (
        <SimpleTable<NetworkEventDto>
          ariaLabel="Nettverkslogg"
          rows={events.data}
          rowKey={(e) => e.id}
          emptyText="Ingen møter registrert."
          columns={[
            { header: 'Dato', width: '110px', cell: (e) => formatNorwegianDate(e.date) },
            { header: 'Type', cell: (e) => NETWORK_KIND_LABEL[e.kind] },
            { header: 'Kommune', cell: (e) => e.municipalityName ?? '–' },
            { header: 'Samarbeidspartnere', cell: (e) => e.contacts.map((c) => c.name).join(', ') || '–' },
            { header: 'Notat', cell: (e) => e.note ?? '' },
            {
              header: 'Handlinger',
              width: '100px',
              cell: (e) => (
                <span className={styles.actions}>
                  <NetworkEventDialog event={e} />
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Slett møtet ${formatNorwegianDate(e.date)}`}
                    title={`Slett møtet ${formatNorwegianDate(e.date)}`}
                    onClick={() => void remove.submit({ id: e.id, version: e.version })}
                  />
                </span>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
