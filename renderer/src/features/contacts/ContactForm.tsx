import { Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CONTACT_AREAS, CONTACT_AREA_LABEL, CONTACT_KINDS, CONTACT_KIND_LABEL, type ContactArea, type ContactKind } from '../../../../shared/domain/caseLife';
import { ChoiceDropdown } from '../../components/ChoiceDropdown';
import { FormField } from '../../components/FormField';
import { MunicipalityDropdown } from '../../components/MunicipalityDropdown';
import { useSubmit } from '../../lib/useSubmit';
import { StepDialog } from '../../components/StepDialog';

const MEMBER_KINDS = ['member'] as const;
const useStyles = makeStyles({ row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM } });

/** «Ny samarbeidspartner»: an organisation with where it belongs and how to reach it. */
export function NewContactDialog() {
  const styles = useStyles();
  const step = useSubmit('contacts:create');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ContactKind | undefined>();
  const [area, setArea] = useState<ContactArea>('member');
  const [municipalityId, setMunicipalityId] = useState<number | undefined>();
  const [other, setOther] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const e = step.fieldErrors;
  return (
    <StepDialog
      triggerLabel="Ny samarbeidspartner"
      title="Ny samarbeidspartner"
      submitLabel="Lagre samarbeidspartner"
      message={step.message}
      onSubmit={() =>
        step.submit({
          name,
          kind: kind as ContactKind,
          area,
          municipalityId: area === 'member' ? (municipalityId ?? null) : null,
          otherMunicipality: area === 'other' ? other : null,
          phone,
          email,
          address,
        })
      }
    >
      <FormField label="Navn" required validationMessage={e.name}>
        <Input value={name} maxLength={120} onChange={(_e, d) => setName(d.value)} />
      </FormField>
      <div className={styles.row}>
        <FormField label="Type" required validationMessage={e.kind}>
          <ChoiceDropdown value={kind} options={CONTACT_KINDS} labels={CONTACT_KIND_LABEL} onChange={setKind} placeholder="Velg type" />
        </FormField>
        <FormField label="Tilhørighet" required validationMessage={e.area}>
          <ChoiceDropdown value={area} options={CONTACT_AREAS} labels={CONTACT_AREA_LABEL} onChange={(a) => a && setArea(a)} />
        </FormField>
      </div>
      {area === 'member' ? (
        <FormField label="Kommune" required validationMessage={e.municipalityId}>
          <MunicipalityDropdown kinds={MEMBER_KINDS} value={municipalityId} onChange={setMunicipalityId} />
        </FormField>
      ) : null}
      {area === 'other' ? (
        <FormField label="Annen kommune" required validationMessage={e.otherMunicipality}>
          <Input value={other} maxLength={60} onChange={(_e, d) => setOther(d.value)} />
        </FormField>
      ) : null}
      <div className={styles.row}>
        <FormField label="Telefon" validationMessage={e.phone}>
          <Input value={phone} maxLength={30} onChange={(_e, d) => setPhone(d.value)} />
        </FormField>
        <FormField label="E-post" validationMessage={e.email}>
          <Input value={email} maxLength={120} onChange={(_e, d) => setEmail(d.value)} />
        </FormField>
      </div>
      <FormField label="Adresse" validationMessage={e.address}>
        <Input value={address} maxLength={200} onChange={(_e, d) => setAddress(d.value)} />
      </FormField>
    </StepDialog>
  );
}

/** «Legg til person» for one organisation. */
export function NewPersonDialog({ contactId, contactName }: { contactId: number; contactName: string }) {
  const step = useSubmit('contacts:add-person');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const e = step.fieldErrors;
  return (
    <StepDialog
      subtle
      triggerLabel="Legg til person"
      triggerAriaLabel={`Legg til person hos ${contactName}`}
      title={`Ny kontaktperson hos ${contactName}`}
      submitLabel="Lagre person"
      message={step.message}
      onSubmit={() => step.submit({ contactId, name, role, phone, email })}
    >
      <FormField label="Navn" required validationMessage={e.name}>
        <Input value={name} maxLength={120} onChange={(_e, d) => setName(d.value)} />
      </FormField>
      <FormField label="Rolle" validationMessage={e.role}>
        <Input value={role} maxLength={60} onChange={(_e, d) => setRole(d.value)} />
      </FormField>
      <FormField label="Telefon" validationMessage={e.phone}>
        <Input value={phone} maxLength={30} onChange={(_e, d) => setPhone(d.value)} />
      </FormField>
      <FormField label="E-post" validationMessage={e.email}>
        <Input value={email} maxLength={120} onChange={(_e, d) => setEmail(d.value)} />
      </FormField>
    </StepDialog>
  );
}
