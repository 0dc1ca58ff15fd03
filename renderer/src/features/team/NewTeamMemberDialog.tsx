import { Button, Dialog, DialogSurface, DialogTrigger } from '@fluentui/react-components';
import { PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TeamMemberDto } from '../../../../shared/contract';
import { NewTeamMemberForm } from './NewTeamMemberForm';

/** «Nytt teammedlem» and its dialog; the form is mounted fresh each time the dialog opens. */
export function NewTeamMemberDialog({ onCreated }: { onCreated: (created: TeamMemberDto) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<PersonAddRegular />}>
          Nytt teammedlem
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <NewTeamMemberForm
          onCreated={(created) => {
            setOpen(false);
            onCreated(created);
          }}
        />
      </DialogSurface>
    </Dialog>
  );
}
