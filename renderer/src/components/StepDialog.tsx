import { Button, Dialog, DialogSurface, DialogTrigger } from '@fluentui/react-components';
import { useState, type ReactElement, type ReactNode } from 'react';
import { DialogForm } from './DialogForm';

/** A button that opens a small form (a step of a case, a new contact); the dialog closes only once saved. */
export function StepDialog({
  triggerLabel,
  title,
  submitLabel,
  message,
  stale,
  primary,
  subtle,
  triggerAriaLabel,
  icon,
  onOpen,
  surfaceClassName,
  onSubmit,
  children,
}: {
  triggerLabel: string;
  title: string;
  submitLabel: string;
  message: string | null;
  /** The refusal was a colleague's newer save: offer «Last inn på nytt». */
  stale?: boolean;
  primary?: boolean;
  /** A quiet button inside a table row. */
  subtle?: boolean;
  triggerAriaLabel?: string;
  /** An icon-only trigger (in a crowded table cell): the label becomes its tooltip and, unless given, its name. */
  icon?: ReactElement;
  /** Called as the dialog opens: an edit form loads the record's current values here. */
  onOpen?: () => void;
  /** A wider or taller form than a step's few fields (a whole paper form). */
  surfaceClassName?: string;
  onSubmit: () => Promise<boolean>;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => {
        if (data.open) onOpen?.();
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button
          appearance={primary ? 'primary' : subtle || icon ? 'subtle' : 'secondary'}
          aria-label={triggerAriaLabel ?? (icon ? triggerLabel : undefined)}
          icon={icon}
          title={icon ? triggerLabel : undefined}
        >
          {icon ? null : triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined} className={surfaceClassName}>
        <DialogForm
          title={title}
          message={message}
          stale={stale}
          submitLabel={submitLabel}
          submitting={busy}
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            const saved = await onSubmit();
            setBusy(false);
            if (saved) setOpen(false);
          }}
        >
          {children}
        </DialogForm>
      </DialogSurface>
    </Dialog>
  );
}
