import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { contract, type ChannelInput } from '@shared/contract';
import { CenteredScreen } from '@renderer/components/CenteredScreen';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { PasswordField } from '@renderer/components/PasswordInput';
import { applyApiError } from '@renderer/lib/formErrors';
import { useApiMutation } from '@renderer/lib/query';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  submit: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalS },
});

type SignInValues = ChannelInput<'session:sign-in'>;

/** Nobody is signed in: username and password. */
export function SignInScreen({ extra }: { extra?: ReactNode }) {
  const styles = useStyles();
  const signIn = useApiMutation('session:sign-in');
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<SignInValues>({
    resolver: zodResolver(contract['session:sign-in'].input, undefined, { raw: true }),
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await signIn.mutateAsync(values);
    } catch (error) {
      form.resetField('password');
      setMessage(applyApiError(error, form.setError, ['username', 'password']));
    }
  });

  return (
    <CenteredScreen title="Logg inn" intro="Logg inn med ditt eget brukernavn og passord.">
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <FormErrorMessage message={message} />
        <Controller
          control={form.control}
          name="username"
          render={({ field, fieldState }) => (
            <FormField label="Brukernavn" required validationMessage={fieldState.error?.message}>
              <Input {...field} autoComplete="username" autoFocus onChange={(_e, data) => field.onChange(data.value)} />
            </FormField>
          )}
        />
        <PasswordField control={form.control} name="password" label="Passord" autoComplete="current-password" />
        <Button type="submit" appearance="primary" className={styles.submit} disabled={form.formState.isSubmitting}>
          Logg inn
        </Button>
      </form>
      {extra}
    </CenteredScreen>
  );
}
