import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useState, type ReactElement, type ReactNode } from 'react';
import { FormErrorMessage } from './ErrorMessage';

/**
 * A button whose action cannot be undone without effort (delete, restore a default): it asks first, says
 * what will happen, and stays open with the refusal if the action fails.
 */
export function ConfirmButton({
  triggerLabel,
  triggerAriaLabel,
  icon,
  iconOnly = false,
  primary,
  subtle,
  disabled,
  title,
  confirmLabel,
  onConfirm,
  children,
}: {
  triggerLabel: string;
  triggerAriaLabel?: string;
  icon?: ReactElement;
  /** Only the icon (in a table row): the label becomes its tooltip and, unless given, its name. */
  iconOnly?: boolean;
  /** The step the section exists for (Oppbevaring's run), not a side action. */
  primary?: boolean;
  /** A quiet side action next to a heading. */
  subtle?: boolean;
  disabled?: boolean;
  title: string;
  confirmLabel: string;
  /** Resolves with null when done, or the Norwegian message of the refusal. */
  onConfirm: () => Promise<string | null>;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => {
        setMessage(null);
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button
          appearance={primary ? 'primary' : subtle || iconOnly ? 'subtle' : 'secondary'}
          icon={icon}
          disabled={disabled}
          aria-label={triggerAriaLabel ?? (iconOnly ? triggerLabel : undefined)}
          title={iconOnly ? triggerLabel : undefined}
        >
          {iconOnly ? null : triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <FormErrorMessage message={message} />
            {children}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Avbryt</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                const refusal = await onConfirm();
                setBusy(false);
                setMessage(refusal);
                if (!refusal) setOpen(false);
              }}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
