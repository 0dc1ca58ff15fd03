import { AddRegular } from '@fluentui/react-icons';
import type { CaseDto } from '@shared/contract';
import { FormDialog } from '@renderer/components/FormDialog';
import { NewCaseForm } from './NewCaseForm';

/** «Ny sak» and its dialog. */
export function NewCaseDialog({ onCreated }: { onCreated: (created: CaseDto) => void }) {
  return (
    <FormDialog triggerLabel="Ny sak" triggerIcon={<AddRegular />}>
      {(close) => (
        <NewCaseForm
          onCreated={(created) => {
            close();
            onCreated(created);
          }}
        />
      )}
    </FormDialog>
  );
}
