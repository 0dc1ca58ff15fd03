import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { OpenSharedDatabaseForm } from './OpenSharedDatabaseForm';

/** The dialog behind «Åpne delt database …» on the screens before sign-in (OpenSharedDatabaseLink). */
export function OpenSharedDatabaseDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Åpne delt database</DialogTitle>
          <DialogContent>
            <OpenSharedDatabaseForm />
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Lukk
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
