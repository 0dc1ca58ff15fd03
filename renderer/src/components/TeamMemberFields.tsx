import { Input } from '@fluentui/react-components';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { z } from '@shared/validation/zodNorwegian';
import { createTeamMemberInput, PASSWORD_MIN_LENGTH } from '@shared/contract/teamMembers';
import { FormField } from './FormField';
import { PasswordField } from './PasswordInput';
import { suggestInitials, suggestUsername } from './teamMemberSuggestions';

/** The contract's input plus a repeated password, checked here and dropped before sending. */
export const teamMemberFormSchema = createTeamMemberInput
  .extend({ passwordRepeat: z.string() })
  .refine((values) => values.password === values.passwordRepeat, { path: ['passwordRepeat'], message: 'Passordene er ikke like' });

export type TeamMemberFormValues = z.input<typeof teamMemberFormSchema>;

/** What the contract takes: the form's values without the repeated password. */
export function teamMemberInput({ passwordRepeat: _repeat, ...input }: TeamMemberFormValues): z.input<typeof createTeamMemberInput> {
  return input;
}

/** The fields drawn here, for `applyApiError` to put the contract's field errors on. */
export const TEAM_MEMBER_NAME_FIELDS = ['displayName', 'initials', 'username', 'password'] as const;

export const EMPTY_TEAM_MEMBER_NAME = { displayName: '', initials: '', username: '', password: '', passwordRepeat: '' } as const;

interface TeamMemberFieldsProps {
  form: Pick<UseFormReturn<TeamMemberFormValues>, 'control' | 'setValue' | 'getFieldState'>;
  /**
   * The member is registering themself: the browser may then offer their own name. For a colleague it
   * must not, or it would fill in the signed-in member's name.
   */
  self?: boolean;
}

/**
 * Navn, Initialer and Brukernavn for a team member. Typing the name suggests initials and user name
 * until the member edits those fields themself, so the usual case is one field to fill.
 */
export function TeamMemberFields({ form, self = false }: TeamMemberFieldsProps) {
  const { control, setValue, getFieldState } = form;

  const suggestFrom = (displayName: string) => {
    if (!getFieldState('initials').isDirty) setValue('initials', suggestInitials(displayName));
    if (!getFieldState('username').isDirty) setValue('username', suggestUsername(displayName));
  };

  return (
    <>
      <Controller
        control={control}
        name="displayName"
        render={({ field, fieldState }) => (
          <FormField label="Navn" required validationMessage={fieldState.error?.message}>
            <Input
              {...field}
              autoComplete={self ? 'name' : 'off'}
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
            <Input {...field} autoComplete="off" onChange={(_e, data) => field.onChange(data.value)} />
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="username"
        render={({ field, fieldState }) => (
          <FormField label="Brukernavn" required hint="Små bokstaver a–z, uten æ, ø og å" validationMessage={fieldState.error?.message}>
            <Input {...field} autoComplete={self ? 'username' : 'off'} onChange={(_e, data) => field.onChange(data.value)} />
          </FormField>
        )}
      />
      <PasswordField
        control={control}
        name="password"
        label="Passord"
        autoComplete="new-password"
        hint={self ? `Minst ${PASSWORD_MIN_LENGTH} tegn. Gjerne en setning.` : `Minst ${PASSWORD_MIN_LENGTH} tegn. Gi det til kollegaen på en trygg måte.`}
      />
      <PasswordField control={control} name="passwordRepeat" label="Gjenta passordet" autoComplete="new-password" />
    </>
  );
}
