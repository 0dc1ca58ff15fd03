import { DialogBody, DialogContent, DialogTitle, Input, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { CaseDto } from '@shared/contract';
import { createCaseInput } from '@shared/contract/cases/cases';
import { DateInput } from '@renderer/components/DateInput';
import { FormDialogActions } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { MemberPicker } from '@renderer/components/MemberPicker';
import { MunicipalityDropdown } from '@renderer/components/MunicipalityDropdown';
import { todayIso } from '@renderer/lib/dates';
import { applyApiError } from '@renderer/lib/formErrors';
import { useApiMutation } from '@renderer/lib/query';
import { useCurrentMember } from '@renderer/lib/session';
import { CodePreview } from './CodePreview';

type NewCaseValues = z.input<typeof createCaseInput>;
const FIELDS = ['municipalityId', 'referralDate', 'staffIds', 'code'] as const;
const MEMBER_KINDS = ['member'] as const;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

/** The «Ny sak» dialog body: municipality, referral date, staff and the code the case will get. */
export function NewCaseForm({ onCreated }: { onCreated: (created: CaseDto) => void }) {
  const styles = useStyles();
  const member = useCurrentMember();
  const create = useApiMutation('cases:create');
  const [message, setMessage] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<NewCaseValues>({
    resolver: zodResolver(createCaseInput, undefined, { raw: true }),
    defaultValues: { referralDate: todayIso(), staffIds: member ? [member.id] : [] },
  });
  const [municipalityId, referralDate] = useWatch({ control, name: ['municipalityId', 'referralDate'] });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      onCreated(await create.mutateAsync(values));
    } catch (error) {
      setMessage(applyApiError(error, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <DialogTitle>Ny sak</DialogTitle>
        <DialogContent className={styles.content}>
          <FormErrorMessage message={message} />
          <div className={styles.row}>
            <Controller
              control={control}
              name="municipalityId"
              render={({ field, fieldState }) => (
                <FormField label="Kommune" required validationMessage={fieldState.error?.message}>
                  <MunicipalityDropdown ref={field.ref} kinds={MEMBER_KINDS} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
                </FormField>
              )}
            />
            <Controller
              control={control}
              name="referralDate"
              render={({ field, fieldState }) => (
                <FormField label="Henvisningsdato" required validationMessage={fieldState.error?.message}>
                  <DateInput ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
                </FormField>
              )}
            />
          </div>
          <Controller
            control={control}
            name="staffIds"
            render={({ field, fieldState }) => (
              <FormField label="Ansatte" hint="Teamet går to på hver sak." validationMessage={fieldState.error?.message}>
                <MemberPicker ref={field.ref} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} />
              </FormField>
            )}
          />
          <CodePreview municipalityId={municipalityId} referralDate={referralDate} />
          <Controller
            control={control}
            name="code"
            render={({ field, fieldState }) => (
              <FormField
                label="Korriger sakskode"
                hint="Fyll ut bare hvis saken allerede har et annet nummer, for eksempel 05/20-ST."
                validationMessage={fieldState.error?.message}
              >
                <Input
                  ref={field.ref}
                  name={field.name}
                  value={field.value ?? ''}
                  onBlur={field.onBlur}
                  // An empty box means «use the generated code», which the schema spells as no value at all.
                  onChange={(_e, data) => field.onChange(data.value.trim() === '' ? undefined : data.value)}
                />
              </FormField>
            )}
          />
        </DialogContent>
        <FormDialogActions submitLabel="Lagre sak" submitting={formState.isSubmitting} />
      </DialogBody>
    </form>
  );
}
