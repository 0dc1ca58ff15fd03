import { Button, Dialog, DialogSurface, DialogTrigger } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CaseDto } from '../../../../shared/contract';
import { NewCaseForm } from './NewCaseForm';

/** «Ny sak» and its dialog; the form is mounted fresh each time the dialog opens. */
export function NewCaseDialog({ onCreated }: { onCreated: (created: CaseDto) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<AddRegular />}>
          Ny sak
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <NewCaseForm
          onCreated={(created) => {
            setOpen(false);
            onCreated(created);
          }}
        />
      </DialogSurface>
    </Dialog>
  );
}
