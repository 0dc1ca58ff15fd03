import { Input, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ContactDto, ContactPersonDto } from '@shared/contract';
import { CONTACT_AREAS, CONTACT_AREA_LABEL, CONTACT_KINDS, CONTACT_KIND_LABEL, type ContactArea, type ContactKind } from '@shared/domain/caseLife';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { FormField } from '@renderer/components/FormField';
import { MunicipalityDropdown } from '@renderer/components/MunicipalityDropdown';
import { useSubmit } from '@renderer/lib/useSubmit';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { StepDialog } from '@renderer/components/StepDialog';

const MEMBER_KINDS = ['member'] as const;
const useStyles = makeStyles({ row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM } });

interface ContactValues {
  name: string;
  kind: ContactKind | undefined;
  area: ContactArea;
  municipalityId: number | undefined;
  other: string;
  phone: string;
  email: string;
  address: string;
}

function contactValues(contact?: ContactDto): ContactValues {
  return {
    name: contact?.name ?? '',
    kind: contact?.kind,
    area: contact?.area ?? 'member',
    municipalityId: contact?.municipalityId ?? undefined,
    other: contact?.otherMunicipality ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    address: contact?.address ?? '',
  };
}

const CONTACT_FIELDS = ['name', 'kind', 'area', 'municipalityId', 'otherMunicipality', 'phone', 'email', 'address'] as const;
const PERSON_FIELDS = ['name', 'role', 'phone', 'email'] as const;

/**
 * «Ny samarbeidspartner», or «Endre» on a row when `contact` is given: the same form, filled with the
 * organisation's current values each time it opens.
 */
export function ContactDialog({ contact }: { contact?: ContactDto }) {
  const styles = useStyles();
  const create = useSubmit('contacts:create', CONTACT_FIELDS);
  const update = useSubmit('contacts:update', CONTACT_FIELDS);
  const step = contact ? update : create;
  // The version shown when the dialog opened: a live refresh while typing must not let a stale save through.
  const edited = useEditedVersion(contact?.version ?? 0, update.stale);
  const [v, setValues] = useState(() => contactValues(contact));
  const set =
    <K extends keyof ContactValues>(key: K) =>
    (value: ContactValues[K]) =>
      setValues((old) => ({ ...old, [key]: value }));
  const fields = {
    name: v.name,
    kind: v.kind as ContactKind,
    area: v.area,
    municipalityId: v.area === 'member' ? (v.municipalityId ?? null) : null,
    otherMunicipality: v.area === 'other' ? v.other : null,
    phone: v.phone,
    email: v.email,
    address: v.address,
  };
  const e = (field: (typeof CONTACT_FIELDS)[number]) => step.errorAt(field, fields[field]);
  return (
    <StepDialog
      icon={contact ? <EditRegular /> : undefined}
      triggerLabel={contact ? `Endre ${contact.name}` : 'Ny samarbeidspartner'}
      title={contact ? `Endre ${contact.name}` : 'Ny samarbeidspartner'}
      submitLabel="Lagre samarbeidspartner"
      message={step.message}
      stale={update.stale}
      onOpen={() => {
        edited.begin();
        setValues(contactValues(contact));
      }}
      onSubmit={() => (contact ? update.submit({ id: contact.id, version: edited.version(), ...fields }) : create.submit(fields))}
    >
      <FormField label="Navn" required validationMessage={e('name')}>
        <Input value={v.name} maxLength={120} onChange={(_e, d) => set('name')(d.value)} />
      </FormField>
      <div className={styles.row}>
        <FormField label="Type" required validationMessage={e('kind')}>
          <ChoiceDropdown value={v.kind} options={CONTACT_KINDS} labels={CONTACT_KIND_LABEL} onChange={set('kind')} placeholder="Velg type" />
        </FormField>
        <FormField label="Tilhørighet" required validationMessage={e('area')}>
          <ChoiceDropdown value={v.area} options={CONTACT_AREAS} labels={CONTACT_AREA_LABEL} onChange={(a) => a && set('area')(a)} />
        </FormField>
      </div>
      {v.area === 'member' ? (
        <FormField label="Kommune" required validationMessage={e('municipalityId')}>
          <MunicipalityDropdown kinds={MEMBER_KINDS} value={v.municipalityId} onChange={set('municipalityId')} />
        </FormField>
      ) : null}
      {v.area === 'other' ? (
        <FormField label="Annen kommune" required validationMessage={e('otherMunicipality')}>
          <Input value={v.other} maxLength={60} onChange={(_e, d) => set('other')(d.value)} />
        </FormField>
      ) : null}
      <div className={styles.row}>
        <FormField label="Telefon" validationMessage={e('phone')}>
          <Input value={v.phone} maxLength={30} onChange={(_e, d) => set('phone')(d.value)} />
        </FormField>
        <FormField label="E-post" validationMessage={e('email')}>
          <Input value={v.email} maxLength={120} onChange={(_e, d) => set('email')(d.value)} />
        </FormField>
      </div>
      <FormField label="Adresse" validationMessage={e('address')}>
        <Input value={v.address} maxLength={200} onChange={(_e, d) => set('address')(d.value)} />
      </FormField>
    </StepDialog>
  );
}

type PersonValues = Pick<ContactPersonDto, 'name'> & { role: string; phone: string; email: string };

const personValues = (person?: ContactPersonDto): PersonValues => ({
  name: person?.name ?? '',
  role: person?.role ?? '',
  phone: person?.phone ?? '',
  email: person?.email ?? '',
});

/** «Legg til person» for one organisation, or the pencil beside a person to change them. */
export function PersonDialog({ contactId, contactName, person }: { contactId: number; contactName: string; person?: ContactPersonDto }) {
  const add = useSubmit('contacts:add-person', PERSON_FIELDS);
  const update = useSubmit('contacts:update-person', PERSON_FIELDS);
  const step = person ? update : add;
  const [v, setValues] = useState(() => personValues(person));
  const set = (key: keyof PersonValues) => (value: string) => setValues((old) => ({ ...old, [key]: value }));
  const e = (field: keyof PersonValues) => step.errorAt(field, v[field]);
  return (
    <StepDialog
      icon={person ? <EditRegular /> : <PersonAddRegular />}
      triggerLabel={person ? `Endre ${person.name} hos ${contactName}` : `Legg til person hos ${contactName}`}
      title={person ? `Endre kontaktperson hos ${contactName}` : `Ny kontaktperson hos ${contactName}`}
      submitLabel="Lagre person"
      message={step.message}
      onOpen={() => setValues(personValues(person))}
      onSubmit={() => (person ? update.submit({ id: person.id, ...v }) : add.submit({ contactId, ...v }))}
    >
      <FormField label="Navn" required validationMessage={e('name')}>
        <Input value={v.name} maxLength={120} onChange={(_e, d) => set('name')(d.value)} />
      </FormField>
      <FormField label="Rolle" validationMessage={e('role')}>
        <Input value={v.role} maxLength={60} onChange={(_e, d) => set('role')(d.value)} />
      </FormField>
      <FormField label="Telefon" validationMessage={e('phone')}>
        <Input value={v.phone} maxLength={30} onChange={(_e, d) => set('phone')(d.value)} />
      </FormField>
      <FormField label="E-post" validationMessage={e('email')}>
        <Input value={v.email} maxLength={120} onChange={(_e, d) => set('email')(d.value)} />
      </FormField>
    </StepDialog>
  );
}
