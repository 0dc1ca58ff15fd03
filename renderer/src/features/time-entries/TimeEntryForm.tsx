import { Button, Card, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { Controller, useForm, type DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import type { TeamMemberDto, TimeEntryDto } from '../../../../shared/contract';
import { createTimeEntryInput } from '../../../../shared/contract/timeEntries';
import { formatHoursWithUnit, formatNorwegianDate } from '../../../../shared/format';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { FormErrorMessage } from '../../components/ErrorMessage';
import { MemberPicker } from '../../components/MemberPicker';
import { MunicipalityDropdown } from '../../components/MunicipalityDropdown';
import { applyApiError } from '../../lib/formErrors';
import { useApiMutation } from '../../lib/query';
import { CaseCombobox } from './CaseCombobox';
import { CategoryDropdown } from './CategoryDropdown';
import { readLastDate, rememberLastDate } from './lastDate';

type EntryValues = z.input<typeof createTimeEntryInput>;
const FIELDS = ['date', 'caseCode', 'municipalityId', 'categoryId', 'hours', 'participantIds'] as const;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  // Four even columns, so a field's error message has room to be read on one or two lines.
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  control: { minWidth: 0, width: '100%' },
  // Lines the button up with the inputs, below the labels.
  submit: { marginTop: '26px', justifySelf: 'start' },
});

function emptyEntry(member: TeamMemberDto): DefaultValues<EntryValues> {
  return { date: readLastDate(), caseCode: '', municipalityId: undefined, categoryId: undefined, hours: '', participantIds: [member.id] };
}

/** One row of the time sheet: fill in and press Enter (or «Lagre»). */
export function TimeEntryForm({ member }: { member: TeamMemberDto }) {
  const styles = useStyles();
  const create = useApiMutation('time-entries:create');
  const formRef = useRef<HTMLFormElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<TimeEntryDto | null>(null);
  const { control, handleSubmit, setError, setValue, reset, formState } = useForm<EntryValues>({
    resolver: zodResolver(createTimeEntryInput, undefined, { raw: true }),
    defaultValues: emptyEntry(member),
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    setSaved(null);
    try {
      const entry = await create.mutateAsync(values);
      rememberLastDate(entry.date);
      setSaved(entry);
      reset(emptyEntry(member));
      dateRef.current?.focus();
    } catch (error) {
      setMessage(applyApiError(error, setError, FIELDS));
    }
  });

  return (
    <Card className={styles.card}>
      <Text as="h2" size={500} weight="semibold" className={styles.heading}>
        Ny registrering
      </Text>
      <FormErrorMessage message={message} />
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Lagret: {formatNorwegianDate(saved.date)} · {saved.caseCode ?? 'uten sak'} · {saved.categoryName} ·{' '}
            {formatHoursWithUnit(saved.minutes)}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate className={styles.row} aria-label="Ny registrering">
        <Controller
          control={control}
          name="date"
          render={({ field, fieldState }) => (
            <FormField label="Dato" required validationMessage={fieldState.error?.message}>
              <DateInput
                ref={(element: HTMLInputElement | null) => {
                  field.ref(element);
                  dateRef.current = element;
                }}
                className={styles.control} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="caseCode"
          render={({ field, fieldState }) => (
            <FormField label="Sak" validationMessage={fieldState.error?.message}>
              <CaseCombobox
                className={styles.control}
                value={field.value ?? ''}
                onBlur={field.onBlur}
                onSubmitKey={() => formRef.current?.requestSubmit()}
                onChange={(code, matched) => {
                  field.onChange(code);
                  if (matched) setValue('municipalityId', matched.municipalityId, { shouldValidate: formState.isSubmitted });
                }}
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="municipalityId"
          render={({ field, fieldState }) => (
            <FormField label="Kommune" required validationMessage={fieldState.error?.message}>
              <MunicipalityDropdown className={styles.control} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="categoryId"
          render={({ field, fieldState }) => (
            <FormField label="Hendelse" required validationMessage={fieldState.error?.message}>
              <CategoryDropdown className={styles.control} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="hours"
          render={({ field, fieldState }) => (
            <FormField label="Tidsbruk" required validationMessage={fieldState.error?.message}>
              <Input
                ref={field.ref}
                name={field.name}
                className={styles.control}
                inputMode="decimal"
                autoComplete="off"
                placeholder="1,5"
                value={String(field.value ?? '')}
                onBlur={field.onBlur}
                onChange={(_e, data) => field.onChange(data.value)}
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="participantIds"
          render={({ field, fieldState }) => (
            <FormField label="Deltakere" validationMessage={fieldState.error?.message}>
              <MemberPicker className={styles.control} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
        <Button type="submit" appearance="primary" icon={<SaveRegular />} className={styles.submit} disabled={formState.isSubmitting}>
          Lagre
        </Button>
      </form>
    </Card>
  );
}
