import { PersonAddRegular } from '@fluentui/react-icons';
import type { TeamMemberDto } from '@shared/contract';
import { FormDialog } from '@renderer/components/FormDialog';
import { NewTeamMemberForm } from './NewTeamMemberForm';

/** «Nytt teammedlem» and its dialog. */
export function NewTeamMemberDialog({ onCreated }: { onCreated: (created: TeamMemberDto) => void }) {
  return (
    <FormDialog triggerLabel="Nytt teammedlem" triggerIcon={<PersonAddRegular />}>
      {(close) => (
        <NewTeamMemberForm
          onCreated={(created) => {
            close();
            onCreated(created);
          }}
        />
      )}
    </FormDialog>
  );
}
