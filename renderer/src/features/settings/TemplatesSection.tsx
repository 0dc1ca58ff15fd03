import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowResetRegular, DocumentArrowUpRegular, OpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { DocumentTemplateDto } from '@shared/contract';
import { MAX_TEMPLATE_BYTES, TEMPLATE_KINDS, TEMPLATE_KIND_LABEL, type TemplateKind } from '@shared/domain/documents';
import { formatInteger, formatNorwegianDateTime } from '@shared/format';
import { ConfirmButton } from '@renderer/components/ConfirmButton';
import { ErrorMessage, FormErrorMessage } from '@renderer/components/ErrorMessage';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { Loading } from '@renderer/components/Loading';
import { ApiCallError, call, errorMessage } from '@renderer/lib/api';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { downloadFile, fileToBase64 } from '@renderer/lib/download';
import { useFileRefusal } from '@renderer/lib/useFileRefusal';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  kind: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headingRow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase400 },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  report: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** «Standardmal» or «Redigert» (uploaded by the team): whether the team's own wording is in use. */
function SourceBadge({ template }: { template: DocumentTemplateDto }) {
  return template.isDefault ? (
    <Badge appearance="tint" color="informative" shape="rounded">
      Standardmal
    </Badge>
  ) : (
    <Badge appearance="tint" color="brand" shape="rounded">
      Redigert
    </Badge>
  );
}

const uploadedText = (t: DocumentTemplateDto) => `${formatNorwegianDateTime(t.uploadedAt)}${t.uploadedByName ? ` av ${t.uploadedByName}` : ''}`;

/**
 * Innstillinger → Maler: the Word templates the closure report and the evaluation form are made from.
 * The team rewords them in Word and uploads the result; the services check every placeholder before a new
 * version is taken into use, and the shipped default can always be restored. Only an administrator changes
 * them; everyone may open, download and read the placeholder list.
 */
export function TemplatesSection({ canEdit }: { canEdit: boolean }) {
  const styles = useStyles();
  const templates = useApiQuery('templates:list', {});
  const all = templates.data ?? [];
  return (
    <SettingsSection
      title="Maler"
      description="Avslutningsrapporten og evalueringsskjemaet lages fra Word-maler. Åpne malen i Word, endre tekst og utseende, lagre filen og last den opp igjen med «Erstatt med redigert fil …». Plassholderne i krøllparenteser, for eksempel {kommune}, fylles med sakens data."
    >
      {!canEdit ? <Text>Bare en administrator kan erstatte malene eller gjenopprette standardmalen.</Text> : null}
      {templates.error ? <ErrorMessage error={templates.error} /> : null}
      {TEMPLATE_KINDS.map((kind) => (
        <TemplateKindPanel key={kind} kind={kind} active={all.find((t) => t.kind === kind && t.active)} canEdit={canEdit} />
      ))}
      <h3 className={styles.title}>Alle versjoner</h3>
      <SimpleTable<DocumentTemplateDto>
        ariaLabel="Versjoner av malene"
        rows={all}
        rowKey={(t) => t.id}
        emptyText={templates.isPending ? 'Henter …' : 'Ingen maler er lastet inn.'}
        columns={[
          { header: 'Mal', cell: (t) => TEMPLATE_KIND_LABEL[t.kind] },
          { header: 'Versjon', width: '80px', numeric: true, cell: (t) => t.version },
          { header: 'Lastet inn', cell: uploadedText },
          { header: 'Kilde', cell: (t) => <SourceBadge template={t} /> },
          { header: 'Status', width: '80px', cell: (t) => (t.active ? 'I bruk' : '–') },
          {
            header: 'Fil',
            width: '60px',
            cell: (t) => <DownloadButton template={t} iconOnly />,
          },
        ]}
      />
    </SettingsSection>
  );
}

function DownloadButton({ template, iconOnly = false }: { template: DocumentTemplateDto; iconOnly?: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const label = `Last ned ${TEMPLATE_KIND_LABEL[template.kind].toLowerCase()} versjon ${template.version}`;
  return (
    <>
      <Button
        appearance={iconOnly ? 'subtle' : 'secondary'}
        icon={<ArrowDownloadRegular />}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        onClick={async () => {
          setMessage(null);
          try {
            downloadFile(await call('templates:download', { id: template.id }));
          } catch (error) {
            setMessage(errorMessage(error));
          }
        }}
      >
        {iconOnly ? null : 'Last ned'}
      </Button>
      <FormErrorMessage message={message} />
    </>
  );
}

type Outcome = { kind: 'accepted'; template: DocumentTemplateDto } | { kind: 'refused'; fileName: string; problems: string[] } | null;

/**
 * The validation report as a list: the services name each problem of the file (unknown placeholders,
 * missing required ones) separated by «;» next to the file field; other refusals are one sentence.
 */
function problemsOf(error: unknown): string[] {
  const report = error instanceof ApiCallError ? error.fieldErrors.contentBase64 : undefined;
  if (!report) return [errorMessage(error)];
  return report
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.charAt(0).toLocaleUpperCase('nb') + p.slice(1));
}

function TemplateKindPanel({ kind, active, canEdit }: { kind: TemplateKind; active: DocumentTemplateDto | undefined; canEdit: boolean }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const open = useApiMutation('templates:open');
  const replace = useApiMutation('templates:replace');
  const restore = useApiMutation('templates:restore-default');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const refusal = useFileRefusal(outcome?.kind === 'refused' ? outcome : null);
  const label = TEMPLATE_KIND_LABEL[kind];

  const upload = async (file: File) => {
    setOutcome(null);
    // Refused here only what cannot be a Word document at all; the services check the content.
    if (!file.name.toLowerCase().endsWith('.docx')) {
      return setOutcome({
        kind: 'refused',
        fileName: file.name,
        problems: ['Filen er ikke et Word-dokument (.docx). Lagre malen som .docx i Word og prøv igjen.'],
      });
    }
    if (file.size > MAX_TEMPLATE_BYTES) {
      return setOutcome({
        kind: 'refused',
        fileName: file.name,
        problems: [`Filen er for stor (høyst ${formatInteger(MAX_TEMPLATE_BYTES / 1024 / 1024)} MB). Store bilder i malen kan komprimeres i Word.`],
      });
    }
    try {
      const template = await replace.mutateAsync({ kind, fileName: file.name.slice(0, 200), contentBase64: await fileToBase64(file) });
      setOutcome({ kind: 'accepted', template });
    } catch (error) {
      setOutcome({ kind: 'refused', fileName: file.name, problems: problemsOf(error) });
    }
  };

  const headingId = `template-${kind}`;
  return (
    <section className={styles.kind} aria-labelledby={headingId}>
      <div className={styles.headingRow}>
        <h3 id={headingId} className={styles.title}>
          {label}
          {active ? <SourceBadge template={active} /> : null}
        </h3>
        {canEdit && active ? (
          <ConfirmButton
            triggerLabel="Gjenopprett standard"
            subtle
            icon={<ArrowResetRegular />}
            triggerAriaLabel={`Gjenopprett standard for ${label.toLowerCase()}`}
            disabled={active.isDefault}
            title={`Gjenopprette standardmalen for ${label.toLowerCase()}?`}
            confirmLabel="Gjenopprett standard"
            onConfirm={async () => {
              setOutcome(null);
              try {
                setOutcome({ kind: 'accepted', template: await restore.mutateAsync({ kind }) });
                return null;
              } catch (error) {
                return errorMessage(error);
              }
            }}
          >
            Standardmalen tas i bruk igjen som en ny versjon. Teamets redigerte versjon {active.version} blir liggende i listen og kan lastes ned, men brukes
            ikke lenger.
          </ConfirmButton>
        ) : null}
      </div>
      <Text className={styles.muted}>{active ? `Versjon ${active.version} er i bruk, lastet inn ${uploadedText(active)}.` : 'Henter malen …'}</Text>
      {active ? (
        <div className={styles.actions} role="group" aria-label={`Handlinger for ${label.toLowerCase()}`}>
          <Button
            icon={<OpenRegular />}
            disabled={open.isPending}
            onClick={() => {
              setOutcome(null);
              open.mutate({ id: active.id });
            }}
          >
            Åpne i Word
          </Button>
          <DownloadButton template={active} />
          {canEdit ? (
            <>
              <input
                ref={input}
                type="file"
                hidden
                accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                aria-label={`Redigert ${label.toLowerCase()} (.docx)`}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void upload(file);
                }}
              />
              <Button icon={<DocumentArrowUpRegular />} disabled={replace.isPending} onClick={() => input.current?.click()} {...refusal.buttonProps}>
                Erstatt med redigert fil …
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {open.error ? <ErrorMessage error={open.error} /> : null}
      {open.isSuccess ? <Text className={styles.muted}>Malen er åpnet i Word. Endringer må lagres og lastes opp her for å tas i bruk.</Text> : null}
      {outcome?.kind === 'accepted' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Versjon {outcome.template.version} av {label.toLowerCase()} er tatt i bruk
            {outcome.template.isDefault ? ' (standardmalen).' : ` (${outcome.template.fileName}).`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <MessageBar intent="error" layout="multiline" id={refusal.messageId}>
          <MessageBarBody>
            <MessageBarTitle>«{outcome.fileName}» ble ikke tatt i bruk</MessageBarTitle>
            <ul className={styles.report} aria-label="Problemer i malen">
              {outcome.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            Malen som er i bruk, er uendret (versjon {active?.version}).
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {replace.isPending ? <Loading label="Kontrollerer malen …" /> : null}
    </section>
  );
}
