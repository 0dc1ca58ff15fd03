import { Dropdown, Option, Textarea } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { NetworkEventDto } from '@shared/contract';
import { NETWORK_KINDS, NETWORK_KIND_LABEL, NO_HEALTH_DETAILS, type NetworkKind } from '@shared/domain/caseLife';
import { formatNorwegianDate } from '@shared/format';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { DateInput } from '@renderer/components/DateInput';
import { FormField } from '@renderer/components/FormField';
import { LISTBOX_SLOT } from '@renderer/components/listbox';
import { MunicipalityDropdown } from '@renderer/components/MunicipalityDropdown';
import { StepDialog } from '@renderer/components/StepDialog';
import { todayIso } from '@renderer/lib/dates';
import { useApiQuery } from '@renderer/lib/query';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { useSubmit } from '@renderer/lib/useSubmit';

interface EventValues {
  date: string;
  kind: NetworkKind | undefined;
  municipalityId: number | undefined;
  contactIds: number[];
  note: string;
}

const eventValues = (event?: NetworkEventDto): EventValues => ({
  date: event?.date ?? todayIso(),
  kind: event?.kind,
  municipalityId: event?.municipalityId ?? undefined,
  contactIds: event?.contacts.map((c) => c.id) ?? [],
  note: event?.note ?? '',
});

const EVENT_FIELDS = ['date', 'kind', 'municipalityId', 'contactIds', 'note'] as const;

/** «Nytt møte», or the pencil on a row of the log when `event` is given: one form, filled on opening. */
export function NetworkEventDialog({ event }: { event?: NetworkEventDto }) {
  const create = useSubmit('network:create', EVENT_FIELDS);
  const update = useSubmit('network:update', EVENT_FIELDS);
  const step = event ? update : create;
  // The version shown when the dialog opened: a live refresh while typing must not let a stale save through.
  const edited = useEditedVersion(event?.version ?? 0, update.stale);
  // Archived partners are listed too: an old entry may name one, and editing it must not drop it.
  const contacts = useApiQuery('contacts:list', { includeArchived: Boolean(event) });
  const [v, setValues] = useState(() => eventValues(event));
  const set =
    <K extends keyof EventValues>(key: K) =>
    (value: EventValues[K]) =>
      setValues((old) => ({ ...old, [key]: value }));
  const chosen = (contacts.data ?? []).filter((c) => v.contactIds.includes(c.id));
  const fields = { date: v.date, kind: v.kind as NetworkKind, municipalityId: v.municipalityId ?? null, contactIds: v.contactIds, note: v.note };
  const e = (field: (typeof EVENT_FIELDS)[number]) => step.errorAt(field, fields[field]);
  const when = event ? formatNorwegianDate(event.date) : '';
  return (
    <StepDialog
      primary={!event}
      icon={event ? <EditRegular /> : undefined}
      triggerLabel={event ? `Endre møtet ${when}` : 'Nytt møte'}
      title={event ? `Endre møtet ${when}` : 'Nytt møte eller ny presentasjon'}
      submitLabel="Lagre"
      message={step.message}
      stale={update.stale}
      onOpen={() => {
        edited.begin();
        setValues(eventValues(event));
      }}
      onSubmit={() => (event ? update.submit({ id: event.id, version: edited.version(), ...fields }) : create.submit(fields))}
    >
      <FormField label="Dato" required validationMessage={e('date')}>
        <DateInput value={v.date} onChange={set('date')} />
      </FormField>
      <FormField label="Type" required validationMessage={e('kind')}>
        <ChoiceDropdown value={v.kind} options={NETWORK_KINDS} labels={NETWORK_KIND_LABEL} onChange={set('kind')} placeholder="Velg type" />
      </FormField>
      <FormField label="Kommune" validationMessage={e('municipalityId')}>
        <MunicipalityDropdown value={v.municipalityId} onChange={set('municipalityId')} emptyOption="Ingen bestemt kommune" />
      </FormField>
      <FormField label="Samarbeidspartnere" validationMessage={e('contactIds')}>
        <Dropdown
          listbox={LISTBOX_SLOT}
          multiselect
          placeholder="Velg samarbeidspartnere"
          value={chosen.map((c) => c.name).join(', ')}
          selectedOptions={v.contactIds.map(String)}
          onOptionSelect={(_e, d) => set('contactIds')(d.selectedOptions.map(Number))}
        >
          {(contacts.data ?? []).map((c) => (
            <Option key={c.id} value={String(c.id)}>
              {c.archived ? `${c.name} (arkivert)` : c.name}
            </Option>
          ))}
        </Dropdown>
      </FormField>
      <FormField label="Notat" hint={`Kort om møtet. ${NO_HEALTH_DETAILS}`} validationMessage={e('note')}>
        <Textarea value={v.note} maxLength={300} onChange={(_e, d) => set('note')(d.value)} />
      </FormField>
    </StepDialog>
  );
}
