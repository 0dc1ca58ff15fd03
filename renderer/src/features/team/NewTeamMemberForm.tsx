import { DialogBody, DialogContent, DialogTitle, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { TeamMemberDto } from '@shared/contract';
import { TEAM_ROLES, TEAM_ROLE_LABEL, type TeamRole } from '@shared/domain/caseStatus';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormDialogActions } from '@renderer/components/FormDialog';
import { FormField } from '@renderer/components/FormField';
import {
  EMPTY_TEAM_MEMBER_NAME,
  TEAM_MEMBER_NAME_FIELDS,
  TeamMemberFields,
  teamMemberFormSchema,
  teamMemberInput,
  type TeamMemberFormValues,
} from '@renderer/components/TeamMemberFields';
import { applyApiError } from '@renderer/lib/formErrors';
import { useApiMutation } from '@renderer/lib/query';

const FIELDS = [...TEAM_MEMBER_NAME_FIELDS, 'role'] as const;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
});

/** The «Nytt teammedlem» dialog body: the colleague's name, initials, user name and role. */
export function NewTeamMemberForm({ onCreated }: { onCreated: (created: TeamMemberDto) => void }) {
  const styles = useStyles();
  const create = useApiMutation('team-members:create');
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TeamMemberFormValues>({
    resolver: zodResolver(teamMemberFormSchema, undefined, { raw: true }),
    defaultValues: { ...EMPTY_TEAM_MEMBER_NAME, role: 'teammedlem' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      onCreated(await create.mutateAsync(teamMemberInput(values)));
    } catch (error) {
      setMessage(applyApiError(error, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <DialogTitle>Nytt teammedlem</DialogTitle>
        <DialogContent className={styles.content}>
          <FormErrorMessage message={message} />
          <TeamMemberFields form={form} />
          <Controller
            control={form.control}
            name="role"
            render={({ field, fieldState }) => (
              <FormField label="Rolle" validationMessage={fieldState.error?.message}>
                <RadioGroup
                  layout="horizontal"
                  name={field.name}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(_e, data) => field.onChange(data.value as TeamRole)}
                >
                  {TEAM_ROLES.map((role) => (
                    <Radio key={role} value={role} label={TEAM_ROLE_LABEL[role]} />
                  ))}
                </RadioGroup>
              </FormField>
            )}
          />
        </DialogContent>
        <FormDialogActions submitLabel="Lagre teammedlem" submitting={form.formState.isSubmitting} />
      </DialogBody>
    </form>
  );
}
