import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DocumentArrowDownRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CaseDetailDto, FileDto, GeneratedDocumentDto } from '@shared/contract';
import { TEMPLATE_KIND_LABEL, TEMPLATE_KINDS, type TemplateKind } from '@shared/domain/documents';
import { formatNorwegianDateTime } from '@shared/format';
import { ErrorMessage, FormErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { errorMessage } from '@renderer/lib/api';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { downloadFile } from '@renderer/lib/download';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const MAKE_LABEL: Record<TemplateKind, string> = {
  'closure-report': 'Lag avslutningsrapport',
  'evaluation-form': 'Lag evalueringsskjema',
};

/**
 * Dokumenter: the closure report and the evaluation form made from the team's current templates and the
 * case's data, saved under the name the services suggest, and the log of what was made from which version.
 */
export function DocumentsSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const log = useApiQuery('documents:list', { caseId: detail.id });
  const generate = useApiMutation('documents:generate');
  const regenerate = useApiMutation('documents:regenerate');
  const [message, setMessage] = useState<string | null>(null);
  const busy = generate.isPending || regenerate.isPending;

  // The file is saved as soon as it arrives; a refusal (a case missing data) names what is missing.
  const make = async (run: () => Promise<FileDto>) => {
    setMessage(null);
    try {
      downloadFile(await run());
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  return (
    <SectionCard
      title="Dokumenter"
      description="Lages fra teamets gjeldende maler (Innstillinger → Maler) og sakens data. Dokumentene har bare sakskode, ikke navn."
    >
      <div className={styles.actions}>
        {TEMPLATE_KINDS.map((kind) => (
          <Button
            key={kind}
            icon={<DocumentArrowDownRegular />}
            disabled={busy}
            onClick={() => void make(() => generate.mutateAsync({ caseId: detail.id, kind }))}
          >
            {MAKE_LABEL[kind]}
          </Button>
        ))}
      </div>
      {busy ? <Loading label="Lager dokumentet …" /> : null}
      <FormErrorMessage message={message} />
      {log.error ? <ErrorMessage error={log.error} /> : null}
      <SimpleTable<GeneratedDocumentDto>
        ariaLabel="Dokumentlogg"
        rows={log.data ?? []}
        rowKey={(d) => d.id}
        emptyText={log.isPending ? 'Henter …' : 'Ingen dokumenter er laget for saken ennå.'}
        columns={[
          { header: 'Dokument', cell: (d) => TEMPLATE_KIND_LABEL[d.kind] },
          { header: 'Malversjon', width: '120px', numeric: true, cell: (d) => d.templateVersion },
          { header: 'Laget', width: '170px', cell: (d) => formatNorwegianDateTime(d.generatedAt) },
          { header: 'Av', cell: (d) => d.generatedByName ?? '–' },
          {
            header: 'Lag på nytt',
            width: '150px',
            cell: (d) => (
              <Button
                appearance="subtle"
                icon={<ArrowClockwiseRegular />}
                disabled={busy}
                aria-label={`Lag på nytt: ${TEMPLATE_KIND_LABEL[d.kind]} ${formatNorwegianDateTime(d.generatedAt)}`}
                onClick={() => void make(() => regenerate.mutateAsync({ id: d.id }))}
              >
                Lag på nytt
              </Button>
            ),
          },
        ]}
      />
    </SectionCard>
  );
}
