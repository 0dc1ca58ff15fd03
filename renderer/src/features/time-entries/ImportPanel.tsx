import { Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ImportPreviewDto, ImportSummaryDto } from '@shared/contract';
import { MAX_IMPORT_FILE_BYTES, IMPORT_FILE_TOO_LARGE } from '@shared/contract/timesheet';
import { formatCount } from '@shared/count';
import { formatInteger } from '@shared/format';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { call, errorMessage } from '@renderer/lib/api';
import { useApiMutation } from '@renderer/lib/query';
import { downloadFile, fileToBase64 } from '@renderer/lib/download';
import { useFileRefusal } from '@renderer/lib/useFileRefusal';
import { ImportPreview } from './ImportPreview';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

type Busy = { what: 'leser' | 'importerer'; rowsRead: number } | null;

/**
 * The old Excel sheets: pick a file, see what would happen, choose sheets, then import — all accepted rows
 * in one transaction, or none. The file is read in a worker in main; this page only polls for progress.
 */
export function ImportPanel() {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState<Busy>(null);
  // A file that cannot be read is said at «Velg timeark …»; what goes wrong later (the import) in a banner.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refusal = useFileRefusal(fileProblem);
  /** Every new try starts without the last one's messages. */
  const clearProblems = () => {
    setFileProblem(null);
    setProblem(null);
  };
  const [summary, setSummary] = useState<ImportSummaryDto | null>(null);
  const importer = useApiMutation('timesheet:import');

  const withProgress = async <T,>(what: 'leser' | 'importerer', jobId: string, work: () => Promise<T>): Promise<T> => {
    setBusy({ what, rowsRead: 0 });
    const timer = setInterval(() => {
      call('timesheet:progress', { jobId })
        .then((p) => setBusy((b) => (b ? { ...b, rowsRead: p.rowsRead } : b)))
        .catch(() => undefined);
    }, 400);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      setBusy(null);
    }
  };

  const readFile = async (file: File) => {
    clearProblems();
    setSummary(null);
    setPreview(null);
    if (file.size > MAX_IMPORT_FILE_BYTES) return setFileProblem(`${IMPORT_FILE_TOO_LARGE}.`);
    const jobId = crypto.randomUUID();
    try {
      const contentBase64 = await fileToBase64(file);
      const read = await withProgress('leser', jobId, () => call('timesheet:read-file', { jobId, fileName: file.name.slice(0, 200), contentBase64 }));
      setPreview(read);
      setChosen(read.sheets.filter((s) => s.selected).map((s) => s.name));
    } catch (error) {
      setFileProblem(errorMessage(error));
    }
  };

  const choose = async (sheets: string[], includeExisting: boolean) => {
    if (!preview) return;
    clearProblems();
    setChosen(sheets);
    try {
      setPreview(await call('timesheet:preview', { jobId: preview.jobId, sheets, includeExisting }));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const runImport = async () => {
    if (!preview) return;
    clearProblems();
    try {
      const result = await withProgress('importerer', preview.jobId, () =>
        importer.mutateAsync({ jobId: preview.jobId, sheets: chosen, includeExisting: preview.includeExisting }),
      );
      setSummary(result);
      setPreview(null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const saveRejected = async () => {
    if (!preview) return;
    clearProblems();
    try {
      downloadFile(await call('timesheet:rejected-rows', { jobId: preview.jobId, sheets: chosen }));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <div className={styles.stack}>
      <Text>
        Velg et gammelt timeark (.xlsx) med kolonnene Sak, Dato, Kommune, Hendelse og Tidsbruk. Andre kolonner blir ikke lest. Ingenting lagres før du trykker
        «Importer».
      </Text>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Timeark som skal importeres"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void readFile(file);
        }}
      />
      <div className={styles.buttons}>
        <Button icon={<DocumentArrowUpRegular />} disabled={busy !== null} onClick={() => input.current?.click()} {...refusal.buttonProps}>
          Velg timeark …
        </Button>
      </div>
      {fileProblem ? (
        <MessageBar intent="error" layout="multiline" id={refusal.messageId}>
          <MessageBarBody>{fileProblem}</MessageBarBody>
        </MessageBar>
      ) : null}
      {busy ? (
        <div>
          <Text>{busy.what === 'leser' ? `Leser regnearket … ${formatCount(busy.rowsRead, 'rad')}` : 'Importerer …'}</Text>
          <ProgressBar aria-label={busy.what === 'leser' ? 'Leser regnearket' : 'Importerer'} />
        </div>
      ) : null}
      <FormErrorMessage message={problem} />
      {summary ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Importert {formatCount(summary.imported, 'rad')}. {formatInteger(summary.duplicatesSkipped)} var importert før og{' '}
            {formatInteger(summary.existingSkipped)} fantes allerede; de ble hoppet over.{' '}
            {summary.casesCreated.length > 0 ? `Nye saker: ${summary.casesCreated.join(', ')}. ` : ''}
            {summary.rejectedCount > 0 ? `${formatCount(summary.rejectedCount, 'rad')} ble avvist.` : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {preview ? (
        <section aria-label={`Forhåndsvisning av ${preview.fileName}`} className={styles.stack}>
          <Text as="h3" size={400} weight="semibold">
            Forhåndsvisning: {preview.fileName}
          </Text>
          <ImportPreview
            preview={preview}
            chosen={chosen}
            onChooseSheets={(sheets) => void choose(sheets, preview.includeExisting)}
            onIncludeExisting={(include) => void choose(chosen, include)}
          />
          <div className={styles.buttons}>
            <Button appearance="primary" icon={<ArrowUploadRegular />} disabled={preview.rowsToImport === 0 || busy !== null} onClick={() => void runImport()}>
              Importer {formatCount(preview.rowsToImport, 'rad')}
            </Button>
            {preview.rejectedCount > 0 ? (
              <Button icon={<ArrowDownloadRegular />} onClick={() => void saveRejected()}>
                Last ned avviste rader
              </Button>
            ) : null}
            <Button onClick={() => setPreview(null)}>Avbryt</Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
