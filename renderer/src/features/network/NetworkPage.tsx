import { Button, Dropdown, Field, Option, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { NetworkEventDto } from '../../../../shared/contract';
import { NETWORK_KINDS, NETWORK_KIND_LABEL, NO_HEALTH_DETAILS, type NetworkKind } from '../../../../shared/domain/caseLife';
import { formatNorwegianDate } from '../../../../shared/format';
import { ChoiceDropdown } from '../../components/ChoiceDropdown';
import { DateInput } from '../../components/DateInput';
import { ErrorMessage, FormErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { LISTBOX_SLOT } from '../../components/listbox';
import { Loading } from '../../components/Loading';
import { MunicipalityDropdown } from '../../components/MunicipalityDropdown';
import { PageHeader } from '../../components/PageHeader';
import { SimpleTable } from '../../components/SimpleTable';
import { StepDialog } from '../../components/StepDialog';
import { currentYear, todayIso } from '../../lib/dates';
import { useApiQuery } from '../../lib/query';
import { useSubmit } from '../../lib/useSubmit';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  filter: { minWidth: '200px' },
});

const FIRST_YEAR = 2020;

function NewEventDialog() {
  const step = useSubmit('network:create');
  const contacts = useApiQuery('contacts:list', {});
  const [date, setDate] = useState(todayIso());
  const [kind, setKind] = useState<NetworkKind | undefined>();
  const [municipalityId, setMunicipalityId] = useState<number | undefined>();
  const [contactIds, setContactIds] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const chosen = (contacts.data ?? []).filter((c) => contactIds.includes(c.id));
  return (
    <StepDialog
      primary
      triggerLabel="Nytt møte"
      title="Nytt møte eller ny presentasjon"
      submitLabel="Lagre"
      message={step.message}
      onSubmit={() => step.submit({ date, kind: kind as NetworkKind, municipalityId: municipalityId ?? null, contactIds, note })}
    >
      <FormField label="Dato" required validationMessage={step.fieldErrors.date}>
        <DateInput value={date} onChange={setDate} />
      </FormField>
      <FormField label="Type" required validationMessage={step.fieldErrors.kind}>
        <ChoiceDropdown value={kind} options={NETWORK_KINDS} labels={NETWORK_KIND_LABEL} onChange={setKind} placeholder="Velg type" />
      </FormField>
      <FormField label="Kommune" validationMessage={step.fieldErrors.municipalityId}>
        <MunicipalityDropdown value={municipalityId} onChange={setMunicipalityId} emptyOption="Ingen bestemt kommune" />
      </FormField>
      <FormField label="Samarbeidspartnere" validationMessage={step.fieldErrors.contactIds}>
        <Dropdown
          listbox={LISTBOX_SLOT}
          multiselect
          placeholder="Velg samarbeidspartnere"
          value={chosen.map((c) => c.name).join(', ')}
          selectedOptions={contactIds.map(String)}
          onOptionSelect={(_e, d) => setContactIds(d.selectedOptions.map(Number))}
        >
          {(contacts.data ?? []).map((c) => (
            <Option key={c.id} value={String(c.id)}>
              {c.name}
            </Option>
          ))}
        </Dropdown>
      </FormField>
      <FormField label="Notat" hint={`Kort om møtet. ${NO_HEALTH_DETAILS}`} validationMessage={step.fieldErrors.note}>
        <Textarea value={note} maxLength={300} onChange={(_e, d) => setNote(d.value)} />
      </FormField>
    </StepDialog>
  );
}

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
      <PageHeader title="Nettverkslogg" description="Informasjonsmøter, samarbeidsmøter, fagnettverk og presentasjoner." actions={<NewEventDialog />} />
      <div className={styles.filters} role="search" aria-label="Filtrer nettverksloggen">
        <Field label="År" className={styles.filter}>
          <ChoiceDropdown value={year} options={years} labels={yearLabels} onChange={setYear} emptyOption="Alle år" />
        </Field>
        <Field label="Type" className={styles.filter}>
          <ChoiceDropdown value={kind} options={NETWORK_KINDS} labels={NETWORK_KIND_LABEL} onChange={setKind} emptyOption="Alle typer" />
        </Field>
      </div>
      <FormErrorMessage message={remove.message} />
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
              header: 'Slett',
              width: '70px',
              cell: (e) => (
                <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Slett møtet ${formatNorwegianDate(e.date)}`} onClick={() => void remove.submit({ id: e.id })} />
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
