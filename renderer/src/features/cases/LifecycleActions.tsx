import { Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseDetailDto } from '@shared/contract';
import {
  CLOSURE_REASONS,
  CLOSURE_REASON_LABEL,
  INSTITUTION_KINDS,
  INSTITUTION_KIND_LABEL,
  NO_HEALTH_DETAILS,
  type ClosureReason,
  type InstitutionKind,
} from '@shared/domain/caseLife';
import { statusAfter, type LifecycleStep } from '@shared/domain/caseTransitions';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { DateInput } from '@renderer/components/DateInput';
import { FormField } from '@renderer/components/FormField';
import { todayIso } from '@renderer/lib/dates';
import { useSubmit } from '@renderer/lib/useSubmit';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { StepDialog } from '@renderer/components/StepDialog';
import { stepDialogProps } from '@renderer/components/stepDialogProps';
import { AfterContactDoneDialog, AfterContactNotPossibleDialog } from '@renderer/components/AfterContactDialogs';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  blocked: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The next steps the case's status allows (the transition table in shared/domain), each as a small dialog. */
export function LifecycleActions({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const allows = (step: LifecycleStep) => statusAfter(detail.status, step) !== null;
  return (
    <div className={styles.bar} aria-label="Neste steg" role="group">
      {allows('enter-institution') ? <EnterInstitution detail={detail} /> : null}
      {allows('start-follow-up') ? <StartFollowUp detail={detail} /> : null}
      {allows('reject') ? <Reject detail={detail} /> : null}
      {allows('close') ? <Close detail={detail} /> : null}
      {allows('record-after-contact') ? <AfterContactDoneDialog primary target={detail} /> : null}
      {allows('record-after-contact') ? <AfterContactNotPossibleDialog target={detail} /> : null}
      {allows('reopen') ? <Reopen detail={detail} /> : null}
      {allows('start-follow-up') && !detail.riskAssessed ? (
        <Text className={styles.blocked}>Oppfølgingen kan ikke starte før farlighetsvurderingen er registrert som gjennomført.</Text>
      ) : null}
    </div>
  );
}

function DateField({
  label,
  value,
  onChange,
  error,
  required = true,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  required?: boolean;
}) {
  return (
    <FormField label={label} required={required} validationMessage={error}>
      <DateInput value={value} onChange={onChange} />
    </FormField>
  );
}

function Reject({ detail }: { detail: CaseDetailDto }) {
  const step = useSubmit('cases:reject', ['date']);
  const edited = useEditedVersion(detail.version, step.stale);
  const [date, setDate] = useState(todayIso());
  return (
    <StepDialog
      triggerLabel="Avvis henvisningen"
      title="Avvis henvisningen"
      submitLabel="Avvis"
      {...stepDialogProps(step, edited)}
      onSubmit={() => step.submit({ id: detail.id, version: edited.version(), date })}
    >
      <DateField label="Dato" value={date} onChange={setDate} error={step.errorAt('date', date)} />
    </StepDialog>
  );
}

function EnterInstitution({ detail }: { detail: CaseDetailDto }) {
  const step = useSubmit('cases:enter-institution', ['date', 'institutionKind', 'institutionName', 'expectedDischargeDate']);
  const edited = useEditedVersion(detail.version, step.stale);
  const [date, setDate] = useState(todayIso());
  const [kind, setKind] = useState<InstitutionKind | undefined>();
  const [name, setName] = useState('');
  const [expected, setExpected] = useState('');
  return (
    <StepDialog
      triggerLabel="Start institusjonsfase"
      title="Institusjonsfase"
      submitLabel="Lagre"
      {...stepDialogProps(step, edited)}
      onSubmit={() =>
        step.submit({
          id: detail.id,
          version: edited.version(),
          date,
          institutionKind: kind as InstitutionKind,
          institutionName: name || null,
          expectedDischargeDate: expected || null,
        })
      }
    >
      <DateField label="Fra dato" value={date} onChange={setDate} error={step.errorAt('date', date)} />
      <FormField label="Type institusjon" required validationMessage={step.errorAt('institutionKind', kind)}>
        <ChoiceDropdown value={kind} options={INSTITUTION_KINDS} labels={INSTITUTION_KIND_LABEL} onChange={setKind} placeholder="Velg type" />
      </FormField>
      <FormField label="Institusjon" hint="Navnet på institusjonen eller fengselet." validationMessage={step.errorAt('institutionName', name)}>
        <Input value={name} maxLength={120} onChange={(_e, d) => setName(d.value)} />
      </FormField>
      <DateField
        label="Forventet utskriving/løslatelse"
        required={false}
        value={expected}
        onChange={setExpected}
        error={step.errorAt('expectedDischargeDate', expected)}
      />
    </StepDialog>
  );
}

function StartFollowUp({ detail }: { detail: CaseDetailDto }) {
  const step = useSubmit('cases:start-follow-up', ['startDate', 'dischargeDate']);
  const edited = useEditedVersion(detail.version, step.stale);
  const [startDate, setStartDate] = useState(todayIso());
  const [discharge, setDischarge] = useState(detail.institution?.dischargeDate ?? '');
  return (
    <StepDialog
      // While the risk assessment is missing the step is refused: it must not look like the thing to do next.
      primary={detail.riskAssessed}
      triggerLabel="Start oppfølging"
      title="Start oppfølging"
      submitLabel="Start oppfølging"
      {...stepDialogProps(step, edited)}
      onSubmit={() => step.submit({ id: detail.id, version: edited.version(), startDate, dischargeDate: discharge || null })}
    >
      <DateField label="Startdato" value={startDate} onChange={setStartDate} error={step.errorAt('startDate', startDate)} />
      {detail.institution ? (
        <DateField label="Utskrevet/løslatt" required={false} value={discharge} onChange={setDischarge} error={step.errorAt('dischargeDate', discharge)} />
      ) : null}
    </StepDialog>
  );
}

function Close({ detail }: { detail: CaseDetailDto }) {
  const step = useSubmit('cases:close', ['closedDate', 'closureReason', 'takeoverService']);
  const edited = useEditedVersion(detail.version, step.stale);
  const [closedDate, setClosedDate] = useState(todayIso());
  const [reason, setReason] = useState<ClosureReason | undefined>();
  const [takeover, setTakeover] = useState('');
  return (
    <StepDialog
      triggerLabel="Avslutt saken"
      title="Avslutt saken"
      submitLabel="Avslutt"
      {...stepDialogProps(step, edited)}
      onSubmit={() =>
        step.submit({ id: detail.id, version: edited.version(), closedDate, closureReason: reason as ClosureReason, takeoverService: takeover || null })
      }
    >
      <DateField label="Avslutningsdato" value={closedDate} onChange={setClosedDate} error={step.errorAt('closedDate', closedDate)} />
      <FormField label="Årsak til avslutning" required validationMessage={step.errorAt('closureReason', reason ?? null)}>
        <ChoiceDropdown value={reason} options={CLOSURE_REASONS} labels={CLOSURE_REASON_LABEL} onChange={setReason} placeholder="Velg årsak" />
      </FormField>
      <FormField label="Tjenesten som overtar" hint={NO_HEALTH_DETAILS} validationMessage={step.errorAt('takeoverService', takeover)}>
        <Input value={takeover} maxLength={120} onChange={(_e, d) => setTakeover(d.value)} />
      </FormField>
    </StepDialog>
  );
}

function Reopen({ detail }: { detail: CaseDetailDto }) {
  const step = useSubmit('cases:reopen', ['date']);
  const edited = useEditedVersion(detail.version, step.stale);
  const [date, setDate] = useState(todayIso());
  return (
    <StepDialog
      triggerLabel="Gjenåpne"
      title="Gjenåpne saken"
      submitLabel="Gjenåpne"
      {...stepDialogProps(step, edited)}
      onSubmit={() => step.submit({ id: detail.id, version: edited.version(), date })}
    >
      <Text>Saken går tilbake til oppfølging. Avslutningen blir stående i forløpet.</Text>
      <DateField label="Dato" value={date} onChange={setDate} error={step.errorAt('date', date)} />
    </StepDialog>
  );
}
