import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { CenteredScreen } from '@renderer/components/CenteredScreen';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import {
  EMPTY_TEAM_MEMBER_NAME,
  TEAM_MEMBER_NAME_FIELDS,
  TeamMemberFields,
  teamMemberFormSchema,
  teamMemberInput,
  type TeamMemberFormValues,
} from '@renderer/components/TeamMemberFields';
import { applyApiError } from '@renderer/lib/formErrors';
import { useCreateFirstMember } from './useFirstMember';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  submit: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalS },
});

/** On a fresh database: the first team member, who is signed in at once. */
export function FirstMemberScreen({ extra }: { extra?: ReactNode }) {
  const styles = useStyles();
  const create = useCreateFirstMember();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TeamMemberFormValues>({
    resolver: zodResolver(teamMemberFormSchema, undefined, { raw: true }),
    defaultValues: EMPTY_TEAM_MEMBER_NAME,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await create.mutateAsync(teamMemberInput(values));
    } catch (error) {
      setMessage(applyApiError(error, form.setError, TEAM_MEMBER_NAME_FIELDS));
    }
  });

  return (
    <CenteredScreen title="Kom i gang" intro="Ettervern er tomt. Registrer deg selv som første teammedlem, så kan du legge til resten av teamet etterpå.">
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <FormErrorMessage message={message} />
        <TeamMemberFields form={form} self />
        <Button type="submit" appearance="primary" className={styles.submit} disabled={form.formState.isSubmitting}>
          Kom i gang
        </Button>
      </form>
      {extra}
    </CenteredScreen>
  );
}
