import { Button } from '@fluentui/react-components';
import { DatabaseLinkRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useRef, useState } from 'react';

// The dialog (and the form in it) is fetched when it is opened: the sign-in screen, which shows only
// the button, is the first thing every start-up paints.
const OpenSharedDatabaseDialog = lazy(() => import('./OpenSharedDatabaseDialog').then((m) => ({ default: m.OpenSharedDatabaseDialog })));

/**
 * On the sign-in screen: a new PC has no member in its own (empty) database yet, so the way to the
 * team's shared one must be open before anyone signs in.
 */
export function OpenSharedDatabaseLink() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // Back to the button, as a dialog opened by its trigger would: keyboard users keep their place.
    button.current?.focus();
  };
  return (
    <>
      <Button ref={button} appearance="subtle" icon={<DatabaseLinkRegular />} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Åpne delt database …
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <OpenSharedDatabaseDialog onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
