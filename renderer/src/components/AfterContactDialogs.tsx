import { Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import {
  AFTER_CONTACT_MISS_NOTE_MAX,
  AFTER_CONTACT_MISS_REASONS,
  AFTER_CONTACT_MISS_REASON_LABEL,
  type AfterContactMissReason,
} from '@shared/domain/afterContact';
import { NO_HEALTH_DETAILS } from '@shared/domain/caseLife';
import { DateInput } from './DateInput';
import { ChoiceDropdown } from './ChoiceDropdown';
import { FormField } from './FormField';
import { StepDialog } from './StepDialog';
import { stepDialogProps } from './stepDialogProps';
import { todayIso } from '@renderer/lib/dates';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { useSubmit } from '@renderer/lib/useSubmit';

/**
 * The two answers to a three-month contact (etteroppfølging), for the case page and for Oversikt's list
 * of contacts due: held on a date, or not possible and why. Each sends the case's version as the user
 * found it when the dialog opened.
 */
interface AfterContactCase {
  id: number;
  version: number;
  /** Names the case in the buttons' accessible names where several rows each have them (Oversikt). */
  code?: string;
}

const forCase = (label: string, code: string | undefined) => (code ? `${label} for ${code}` : undefined);

interface TriggerProps {
  target: AfterContactCase;
  primary?: boolean;
  subtle?: boolean;
  /** A shorter button text where the column heading says the rest (Oversikt). */
  label?: string;
}

export function AfterContactDoneDialog({ target, primary, subtle, label }: TriggerProps) {
  const step = useSubmit('cases:record-after-contact', ['contactDate']);
  const edited = useEditedVersion(target.version, step.stale);
  const [date, setDate] = useState(todayIso());
  return (
    <StepDialog
      primary={primary}
      subtle={subtle}
      triggerLabel={label ?? 'Etteroppfølging utført'}
      triggerAriaLabel={forCase('Etteroppfølging utført', target.code)}
      title="Etteroppfølging etter tre måneder"
      submitLabel="Lagre"
      {...stepDialogProps(step, edited)}
      onSubmit={() => step.submit({ id: target.id, version: edited.version(), contactDate: date })}
    >
      <FormField label="Dato for etteroppfølging" required validationMessage={step.errorAt('contactDate', date)}>
        <DateInput value={date} onChange={setDate} />
      </FormField>
    </StepDialog>
  );
}

export function AfterContactNotPossibleDialog({ target, subtle, label }: Omit<TriggerProps, 'primary'>) {
  const step = useSubmit('cases:record-after-contact-not-possible', ['notPossibleReason', 'date', 'note']);
  const edited = useEditedVersion(target.version, step.stale);
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState<AfterContactMissReason | undefined>();
  const [note, setNote] = useState('');
  return (
    <StepDialog
      subtle={subtle}
      triggerLabel={label ?? 'Etteroppfølging ikke mulig'}
      triggerAriaLabel={forCase('Etteroppfølging ikke mulig', target.code)}
      title="Etteroppfølging ikke mulig"
      submitLabel="Lagre"
      {...stepDialogProps(step, edited)}
      onSubmit={() =>
        step.submit({
          id: target.id,
          version: edited.version(),
          date,
          // Left empty, the contract answers «Velg hvorfor …» at the field.
          notPossibleReason: reason as AfterContactMissReason,
          note: note.trim() || null,
        })
      }
    >
      <Text>Saken blir stående som avsluttet, og etteroppfølgingen varsles ikke lenger på Oversikt.</Text>
      <FormField label="Hvorfor" required validationMessage={step.errorAt('notPossibleReason', reason)}>
        <ChoiceDropdown
          value={reason}
          options={AFTER_CONTACT_MISS_REASONS}
          labels={AFTER_CONTACT_MISS_REASON_LABEL}
          onChange={setReason}
          placeholder="Velg årsak"
        />
      </FormField>
      <FormField label="Dato" required validationMessage={step.errorAt('date', date)}>
        <DateInput value={date} onChange={setDate} />
      </FormField>
      <FormField label="Merknad" hint={NO_HEALTH_DETAILS} validationMessage={step.errorAt('note', note)}>
        <Input value={note} maxLength={AFTER_CONTACT_MISS_NOTE_MAX} onChange={(_e, d) => setNote(d.value)} />
      </FormField>
    </StepDialog>
  );
}
