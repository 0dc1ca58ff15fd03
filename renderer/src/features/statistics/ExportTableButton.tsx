import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { ChannelInput } from '@shared/contract';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { useApiMutation } from '@renderer/lib/query';
import { downloadFile } from '@renderer/lib/download';

/** «Eksporter til Excel»: the server builds the table again from the same choice and writes the file. */
export function ExportTableButton({ request, label = 'Eksporter til Excel' }: { request: ChannelInput<'statistics:export-table'>; label?: string }) {
  const exporter = useApiMutation('statistics:export-table');
  return (
    <>
      <Button
        icon={<ArrowDownloadRegular />}
        disabled={exporter.isPending}
        // A refusal shows below the button; nothing else to do with it here.
        onClick={() => void exporter.mutateAsync(request).then(downloadFile, () => undefined)}
      >
        {label}
      </Button>
      {exporter.error ? <ErrorMessage error={exporter.error} /> : null}
    </>
  );
}
