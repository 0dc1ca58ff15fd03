import { Button, Dialog, DialogActions, DialogSurface, DialogTrigger } from '@fluentui/react-components';
import { useState, type ReactElement, type ReactNode } from 'react';

/**
 * A primary button that opens a form in a dialog. The form is mounted fresh each time the dialog
 * opens (no stale input or errors from the last time) and gets `close` to call once it has saved.
 */
export function FormDialog({
  triggerLabel,
  triggerIcon,
  children,
}: {
  triggerLabel: string;
  triggerIcon: ReactElement;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={triggerIcon}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>{children(() => setOpen(false))}</DialogSurface>
    </Dialog>
  );
}

/** «Avbryt» and the form's submit button, the same in every form dialog. */
export function FormDialogActions({ submitLabel, submitting }: { submitLabel: string; submitting: boolean }) {
  return (
    <DialogActions>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary">Avbryt</Button>
      </DialogTrigger>
      <Button type="submit" appearance="primary" disabled={submitting}>
        {submitLabel}
      </Button>
    </DialogActions>
  );
}
