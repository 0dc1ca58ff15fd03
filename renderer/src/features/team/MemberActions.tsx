import { Button, Dialog, DialogSurface, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '@shared/validation/zodNorwegian';
import { newPasswordSchema } from '@shared/contract/teamMembers';
import type { TeamMemberDto } from '@shared/contract';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { DialogForm } from '@renderer/components/DialogForm';
import { PasswordField } from '@renderer/components/PasswordInput';
import { applyApiError } from '@renderer/lib/formErrors';
import { useApiMutation } from '@renderer/lib/query';

const passwordForm = z
  .strictObject({ password: newPasswordSchema, passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'Passordene er ikke like' });

/** «Nytt passord», «Deaktiver» / «Aktiver» for one member: the administrator's row menu. */
export function MemberActions({ member, self }: { member: TeamMemberDto; self: boolean }) {
  const setActive = useApiMutation('team-members:set-active');
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={`Handlinger for ${member.displayName}`} />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => setPasswordOpen(true)}>Sett nytt passord</MenuItem>
            {member.active ? (
              <MenuItem disabled={self} onClick={() => setActive.mutate({ id: member.id, version: member.version, active: false })}>
                Deaktiver
              </MenuItem>
            ) : (
              <MenuItem onClick={() => setActive.mutate({ id: member.id, version: member.version, active: true })}>Aktiver igjen</MenuItem>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      {setActive.error ? <ErrorMessage error={setActive.error} /> : null}
      <Dialog open={passwordOpen} onOpenChange={(_e, data) => setPasswordOpen(data.open)}>
        <DialogSurface aria-describedby={undefined}>
          {passwordOpen ? <SetPasswordForm member={member} onDone={() => setPasswordOpen(false)} /> : null}
        </DialogSurface>
      </Dialog>
    </>
  );
}

function SetPasswordForm({ member, onDone }: { member: TeamMemberDto; onDone: () => void }) {
  const setPassword = useApiMutation('team-members:set-password');
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<z.input<typeof passwordForm>>({
    resolver: zodResolver(passwordForm, undefined, { raw: true }),
    defaultValues: { password: '', passwordRepeat: '' },
  });
  const onSubmit = form.handleSubmit(async ({ password }) => {
    setMessage(null);
    try {
      await setPassword.mutateAsync({ id: member.id, password });
      onDone();
    } catch (error) {
      setMessage(applyApiError(error, form.setError, ['password']));
    }
  });
  return (
    <DialogForm
      title={`Nytt passord for ${member.displayName}`}
      message={message}
      submitLabel="Lagre passord"
      submitting={form.formState.isSubmitting}
      onSubmit={onSubmit}
    >
      <PasswordField
        control={form.control}
        name="password"
        label="Nytt passord"
        autoComplete="new-password"
        hint="Minst 10 tegn. Opphever også låsing etter feil passord."
      />
      <PasswordField control={form.control} name="passwordRepeat" label="Gjenta passordet" autoComplete="new-password" />
    </DialogForm>
  );
}
