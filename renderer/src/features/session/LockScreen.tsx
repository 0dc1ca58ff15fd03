import { Avatar, Button, Card, Portal, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TeamMemberDto } from '@shared/contract';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { PasswordField } from '@renderer/components/PasswordInput';
import { applyApiError } from '@renderer/lib/formErrors';
import { useApiMutation } from '@renderer/lib/query';

const useStyles = makeStyles({
  // Opaque and above everything: the page underneath stays mounted (unsaved input survives) but unseen.
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 1_000_000,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  card: { width: '420px', maxWidth: '100%', padding: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalL },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** The screen is locked: only the same member's password opens it; anyone else signs out first. */
export function LockScreen({ member }: { member: TeamMemberDto }) {
  const styles = useStyles();
  const unlock = useApiMutation('session:unlock');
  const signOut = useApiMutation('session:sign-out');
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const overlay = useRef<HTMLDivElement>(null);
  // Read before the first commit, while focus is still where the member was working.
  const [returnFocus] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => (overlay.current ? isolate(overlay.current, returnFocus) : undefined), [returnFocus]);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    if (values.password === '') {
      form.setError('password', { message: 'Skriv passordet ditt' }, { shouldFocus: true });
      return;
    }
    try {
      await unlock.mutateAsync(values);
      form.reset();
    } catch (error) {
      form.resetField('password');
      setMessage(applyApiError(error, form.setError, ['password']));
    }
  });

  // Fluent's Portal, not React's: it carries the theme, whose colours are CSS variables.
  return (
    <Portal>
      <div ref={overlay} className={styles.overlay} role="dialog" aria-modal="true" aria-labelledby="lock-title">
        <Card className={styles.card}>
          <Text as="h1" size={600} weight="semibold" className={styles.heading} id="lock-title">
            <LockClosedRegular aria-hidden /> Skjermen er låst
          </Text>
          <div className={styles.who}>
            <Avatar aria-hidden name={member.displayName} initials={member.initials} color="colorful" size={40} />
            <Text>
              Innlogget som {member.displayName} ({member.initials}). Skriv passordet ditt for å fortsette der du var.
            </Text>
          </div>
          <form className={styles.form} onSubmit={onSubmit} noValidate>
            <FormErrorMessage message={message} />
            <PasswordField control={form.control} name="password" label="Passord" autoComplete="current-password" autoFocus />
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={form.formState.isSubmitting}>
                Lås opp
              </Button>
              <Button appearance="secondary" disabled={signOut.isPending} onClick={() => signOut.mutate({})}>
                Logg inn som en annen
              </Button>
            </div>
          </form>
        </Card>
      </div>
    </Portal>
  );
}

/**
 * Makes everything in <body> but the lock screen's own portal inert and hidden from screen readers —
 * the app and any open dialog with its unsaved input (dialogs live in portals outside the app's tree).
 * Undone when the lock screen goes.
 */
function isolate(overlay: HTMLElement, returnFocus: HTMLElement | null): () => void {
  let host = overlay;
  while (host.parentElement && host.parentElement !== document.body) host = host.parentElement;
  // Only elements not already hidden: an open modal dialog hides the app itself and must undo that itself.
  const others = [...document.body.children].filter(
    (element): element is HTMLElement => element !== host && element instanceof HTMLElement && !element.inert && element.getAttribute('aria-hidden') === null,
  );
  for (const element of others) {
    element.inert = true;
    element.setAttribute('aria-hidden', 'true');
  }
  return () => {
    for (const element of others) {
      element.inert = false;
      element.removeAttribute('aria-hidden');
    }
    // Back where the member was working; this also wakes an open modal dialog's focus trap.
    returnFocus?.focus();
  };
}
