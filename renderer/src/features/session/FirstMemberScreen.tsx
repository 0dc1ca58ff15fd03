import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createTeamMemberInput } from '../../../../shared/contract/teamMembers';
import { CenteredScreen } from '../../components/CenteredScreen';
import { FormField } from '../../components/FormField';
import { FormErrorMessage } from '../../components/ErrorMessage';
import { applyApiError } from '../../lib/formErrors';
import { suggestInitials, suggestUsername } from './suggestions';
import { useCreateFirstMember } from './useFirstMember';

type FirstMemberValues = z.input<typeof createTeamMemberInput>;
const FIELDS = ['displayName', 'initials', 'username'] as const;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  submit: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalS },
});

/** On a fresh database: the first team member, who is signed in at once. */
export function FirstMemberScreen() {
  const styles = useStyles();
  const create = useCreateFirstMember();
  const [message, setMessage] = useState<string | null>(null);
  const { control, handleSubmit, setError, setValue, getFieldState, formState } = useForm<FirstMemberValues>({
    resolver: zodResolver(createTeamMemberInput, undefined, { raw: true }),
    defaultValues: { displayName: '', initials: '', username: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      await create.mutateAsync(values);
    } catch (error) {
      setMessage(applyApiError(error, setError, FIELDS));
    }
  });

  const suggestFrom = (displayName: string) => {
    if (!getFieldState('initials').isDirty) setValue('initials', suggestInitials(displayName));
    if (!getFieldState('username').isDirty) setValue('username', suggestUsername(displayName));
  };

  return (
    <CenteredScreen
      title="Kom i gang"
      intro="Ettervern er tomt. Registrer deg selv som første teammedlem, så kan du legge til resten av teamet etterpå."
    >
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <FormErrorMessage message={message} />
        <Controller
          control={control}
          name="displayName"
          render={({ field, fieldState }) => (
            <FormField label="Navn" required validationMessage={fieldState.error?.message}>
              <Input
                {...field}
                autoComplete="name"
                onChange={(_e, data) => {
                  field.onChange(data.value);
                  suggestFrom(data.value);
                }}
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="initials"
          render={({ field, fieldState }) => (
            <FormField label="Initialer" required hint="2–4 store bokstaver, for eksempel MS" validationMessage={fieldState.error?.message}>
              <Input {...field} onChange={(_e, data) => field.onChange(data.value)} />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="username"
          render={({ field, fieldState }) => (
            <FormField label="Brukernavn" required hint="Små bokstaver a–z, uten æ, ø og å" validationMessage={fieldState.error?.message}>
              <Input {...field} autoComplete="username" onChange={(_e, data) => field.onChange(data.value)} />
            </FormField>
          )}
        />
        <Button type="submit" appearance="primary" className={styles.submit} disabled={formState.isSubmitting}>
          Kom i gang
        </Button>
      </form>
    </CenteredScreen>
  );
}
