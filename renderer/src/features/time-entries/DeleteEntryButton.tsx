import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Tooltip,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TimeEntryDto } from '../../../../shared/contract';
import { formatHoursWithUnit, formatNorwegianDate } from '../../../../shared/format';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApiMutation } from '../../lib/query';

// Also the delete button's name, so it stays clear of the form's labels (Dato, Sak, Kommune …).
function describe(entry: TimeEntryDto): string {
  return [formatNorwegianDate(entry.date), entry.caseCode, entry.categoryName, formatHoursWithUnit(entry.minutes)].filter(Boolean).join(', ');
}

/** Deleting is not undoable, so it asks first and says exactly which entry goes. */
export function DeleteEntryButton({ entry }: { entry: TimeEntryDto }) {
  const [open, setOpen] = useState(false);
  const remove = useApiMutation('time-entries:delete');
  const label = `Slett registreringen ${describe(entry)}`;
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_e, data) => {
        setOpen(data.open);
        if (!data.open) remove.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Tooltip content="Slett" relationship="description" withArrow>
          <Button appearance="subtle" size="small" icon={<DeleteRegular />} aria-label={label} />
        </Tooltip>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Slette registreringen?</DialogTitle>
          <DialogContent>
            {remove.error ? <ErrorMessage error={remove.error} /> : null}
            <p>{describe(entry)}.</p>
            <p>Registreringen blir borte fra lister og statistikk. Dette kan ikke angres.</p>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Avbryt</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: entry.id }, { onSuccess: () => setOpen(false) })}
            >
              Slett
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
