import { Button, Checkbox, Dropdown, Field, MessageBar, MessageBarBody, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseDetailDto } from '@shared/contract';
import { formatNorwegianDate } from '@shared/format';
import { DateInput } from '@renderer/components/DateInput';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { LISTBOX_SLOT } from '@renderer/components/listbox';
import { MemberPicker } from '@renderer/components/MemberPicker';
import { SectionCard } from '@renderer/components/SectionCard';
import { todayIso } from '@renderer/lib/dates';
import { useApiQuery } from '@renderer/lib/query';
import { useSubmit } from '@renderer/lib/useSubmit';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The risk assessment that must be done before follow-up starts. */
export function RiskSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const members = useApiQuery('team-members:list', {});
  const step = useSubmit('cases:record-risk-assessment', ['date', 'assessedById', 'done']);
  const edited = useEditedVersion(detail.version, step.stale);
  const [date, setDate] = useState(detail.risk.date ?? todayIso());
  const [by, setBy] = useState<number | undefined>(detail.risk.assessedBy?.id);
  // Nothing ticked until the user says the assessment was carried out: a default tick would record one that never happened.
  const [done, setDone] = useState(detail.risk.done ?? false);
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      edited.touch();
      set(value);
    };
  const chosen = members.data?.find((m) => m.id === by);
  const current = detail.risk.date
    ? detail.risk.done
      ? `Gjennomført ${formatNorwegianDate(detail.risk.date)} av ${detail.risk.assessedBy?.displayName ?? 'ukjent'}.`
      : `Ikke gjennomført ennå (dato ${formatNorwegianDate(detail.risk.date)}${detail.risk.assessedBy ? `, ${detail.risk.assessedBy.displayName}` : ''}).`
    : 'Ikke registrert. Farlighetsvurderingen må være gjort før oppfølgingen starter.';
  return (
    <SectionCard title="Farlighetsvurdering" description={current}>
      <form
        className={styles.row}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void step.submit({ id: detail.id, version: edited.version(), date, assessedById: by ?? null, done }).then((ok) => ok && edited.saved());
        }}
      >
        <FormField label="Dato for vurdering" required validationMessage={step.errorAt('date', date)}>
          <DateInput value={date} onChange={change(setDate)} />
        </FormField>
        <FormField label="Vurdert av" required={done} validationMessage={step.errorAt('assessedById', by ?? null)}>
          <Dropdown
            listbox={LISTBOX_SLOT}
            placeholder="Velg teammedlem"
            value={chosen?.displayName ?? ''}
            selectedOptions={by ? [String(by)] : []}
            onOptionSelect={(_e, d) => change(setBy)(d.optionValue ? Number(d.optionValue) : undefined)}
          >
            {(members.data ?? []).map((m) => (
              <Option key={m.id} value={String(m.id)}>
                {m.displayName}
              </Option>
            ))}
          </Dropdown>
        </FormField>
        <Field validationMessage={step.errorAt('done', done)}>
          <Checkbox label="Gjennomført" checked={done} onChange={(_e, d) => change(setDone)(d.checked === true)} />
        </Field>
        <Button type="submit" disabled={step.pending}>
          Lagre farlighetsvurdering
        </Button>
      </form>
      <FormErrorMessage message={step.message} stale={step.stale} />
    </SectionCard>
  );
}

/** Who follows the case (two by rule), and how many active cases each colleague already has. */
export function StaffSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const step = useSubmit('cases:set-staff', ['staffIds']);
  const edited = useEditedVersion(detail.version, step.stale);
  const caseload = useApiQuery('cases:caseload', {});
  const [staffIds, setStaffIds] = useState(detail.staff.map((s) => s.id));
  return (
    <SectionCard title="Ansatte på saken">
      {detail.staff.length < 2 ? (
        <MessageBar intent="warning">
          <MessageBarBody>Saken har {detail.staff.length === 0 ? 'ingen ansatte' : 'bare én ansatt'}. Teamet går to på hver sak.</MessageBarBody>
        </MessageBar>
      ) : null}
      <form
        className={styles.row}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void step.submit({ id: detail.id, version: edited.version(), staffIds }).then((ok) => ok && edited.saved());
        }}
      >
        <FormField label="Ansatte" validationMessage={step.errorAt('staffIds', staffIds)}>
          <MemberPicker
            value={staffIds}
            onChange={(ids) => {
              edited.touch();
              setStaffIds(ids);
            }}
          />
        </FormField>
        <Button type="submit" disabled={step.pending}>
          Lagre ansatte
        </Button>
      </form>
      <FormErrorMessage message={step.message} stale={step.stale} />
      <Text className={styles.muted} aria-label="Aktive saker per ansatt">
        Aktive saker nå: {(caseload.data ?? []).map((c) => `${c.initials} ${c.activeCases}`).join(' · ') || '–'}
      </Text>
    </SectionCard>
  );
}
