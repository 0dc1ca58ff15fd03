import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contract } from '@shared/contract';
import { PASSWORD_MIN_LENGTH } from '@shared/contract/teamMembers';
import { z } from '@shared/validation/zodNorwegian';
import { DialogForm } from '@renderer/components/DialogForm';
import { PasswordField } from '@renderer/components/PasswordInput';
import { applyApiError } from '@renderer/lib/formErrors';
import { useApiMutation } from '@renderer/lib/query';

/** The contract's input plus the repeated new password, which only the form checks. */
const changePasswordForm = contract['session:change-password'].input
  .extend({ newPasswordRepeat: z.string() })
  .refine((v) => v.newPassword === v.newPasswordRepeat, { path: ['newPasswordRepeat'], message: 'Passordene er ikke like' });

type ChangePasswordValues = z.input<typeof changePasswordForm>;

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** «Bytt passord» for the signed-in member. Mounted only while open, so nothing typed survives closing. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface aria-describedby={undefined}>{open ? <ChangePasswordForm onClose={onClose} /> : null}</DialogSurface>
    </Dialog>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const change = useApiMutation('session:change-password');
  const [message, setMessage] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const form = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordForm, undefined, { raw: true }),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
  });
  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setMessage(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      setChanged(true);
    } catch (error) {
      // A wrong current password is said at that field only: applyApiError keeps the banner for the rest.
      setMessage(applyApiError(error, form.setError, FIELDS));
    }
  });

  if (changed) {
    return (
      <DialogBody>
        <DialogTitle>Bytt passord</DialogTitle>
        <DialogContent>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>Passordet er byttet. Bruk det nye passordet neste gang du logger inn eller låser opp.</MessageBarBody>
          </MessageBar>
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" onClick={onClose} autoFocus>
            Lukk
          </Button>
        </DialogActions>
      </DialogBody>
    );
  }

  return (
    <DialogForm title="Bytt passord" message={message} submitLabel="Bytt passord" submitting={form.formState.isSubmitting} onSubmit={onSubmit}>
      <PasswordField control={form.control} name="currentPassword" label="Nåværende passord" autoComplete="current-password" autoFocus />
      <PasswordField
        control={form.control}
        name="newPassword"
        label="Nytt passord"
        autoComplete="new-password"
        hint={`Minst ${PASSWORD_MIN_LENGTH} tegn. Gjerne en setning.`}
      />
      <PasswordField control={form.control} name="newPasswordRepeat" label="Gjenta nytt passord" autoComplete="new-password" />
    </DialogForm>
  );
}
