import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { DatabaseLinkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { OpenSharedDatabaseForm } from './OpenSharedDatabaseForm';

/**
 * On the sign-in screen: a new PC has no member in its own (empty) database yet, so the way to the
 * team's shared one must be open before anyone signs in.
 */
export function OpenSharedDatabaseLink() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<DatabaseLinkRegular />}>
          Åpne delt database …
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Åpne delt database</DialogTitle>
          <DialogContent>
            <OpenSharedDatabaseForm />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Lukk</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
