import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CaseDetailDto, EvaluationResponseDto } from '@shared/contract';
import { EVALUATION_QUESTIONS } from '@shared/domain/evaluationForm';
import { formatInteger, formatNorwegianDate } from '@shared/format';
import { ConfirmButton } from '@renderer/components/ConfirmButton';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { SectionCard } from '@renderer/components/SectionCard';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { StepDialog } from '@renderer/components/StepDialog';
import { stepDialogProps } from '@renderer/components/stepDialogProps';
import { errorMessage } from '@renderer/lib/api';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { useSubmit } from '@renderer/lib/useSubmit';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { draftFrom, emptyDraft, EVALUATION_FIELDS, EvaluationFields, type EvaluationDraft } from './EvaluationFields';

const useStyles = makeStyles({
  // The whole paper form in one dialog: wide enough for the scale, and it scrolls inside, not the window.
  surface: { maxWidth: 'min(960px, calc(100vw - 48px))', width: '960px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const CONSENT_LABEL = (consent: boolean | null) => (consent === null ? 'Ikke besvart' : consent ? 'Ja' : 'Nei');

/** «12 av 18 spørsmål»: how much of the form the user filled in. */
function answeredText(response: EvaluationResponseDto): string {
  const answered = EVALUATION_QUESTIONS.filter((q) => {
    const value = response.answers[q.id];
    return value !== null && value !== undefined && value !== '';
  }).length;
  return `${formatInteger(answered)} av ${formatInteger(EVALUATION_QUESTIONS.length)} spørsmål`;
}

/**
 * Evaluation forms the user returned, registered against the case code only. The answers feed the
 * year's summary under Statistikk, where nothing built from fewer than 5 forms is shown.
 */
export function EvaluationsSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const list = useApiQuery('evaluations:list', { caseId: detail.id });
  const remove = useApiMutation('evaluations:delete');
  return (
    <SectionCard title="Evalueringsskjemaer" description="Skjemaer brukeren har levert tilbake. De registreres på sakskoden, aldri med navn.">
      <div>
        <RegisterEvaluation detail={detail} />
      </div>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      <SimpleTable<EvaluationResponseDto>
        ariaLabel="Registrerte evalueringsskjemaer"
        rows={list.data ?? []}
        rowKey={(r) => r.id}
        emptyText={list.isPending ? 'Henter …' : 'Ingen evalueringsskjemaer er registrert på saken.'}
        columns={[
          { header: 'Mottatt', width: '110px', cell: (r) => formatNorwegianDate(r.receivedDate) },
          { header: 'Besvart', cell: answeredText },
          { header: 'Kontakt etter tre måneder', cell: (r) => CONSENT_LABEL(r.consentToContact) },
          { header: 'Deles med kommunen', cell: (r) => CONSENT_LABEL(r.consentToShare) },
          {
            header: 'Endre',
            width: '100px',
            cell: (r) => (
              <div className={styles.actions}>
                <EditEvaluation response={r} />
                <ConfirmButton
                  triggerLabel={`Slett skjemaet mottatt ${formatNorwegianDate(r.receivedDate)}`}
                  icon={<DeleteRegular />}
                  iconOnly
                  title="Slette evalueringsskjemaet?"
                  confirmLabel="Slett"
                  onConfirm={async () => {
                    try {
                      await remove.mutateAsync({ id: r.id, version: r.version });
                      return null;
                    } catch (error) {
                      return errorMessage(error);
                    }
                  }}
                >
                  <Text>
                    Svarene fra skjemaet mottatt {formatNorwegianDate(r.receivedDate)} fjernes fra saken og fra statistikken. Papirskjemaet må eventuelt
                    registreres på nytt.
                  </Text>
                </ConfirmButton>
              </div>
            ),
          },
        ]}
      />
    </SectionCard>
  );
}

function RegisterEvaluation({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const step = useSubmit('evaluations:register', EVALUATION_FIELDS);
  const [draft, setDraft] = useState<EvaluationDraft>(emptyDraft);
  return (
    <StepDialog
      primary
      triggerLabel="Registrer evalueringsskjema"
      title={`Registrer evalueringsskjema – sak ${detail.code}`}
      submitLabel="Registrer skjema"
      message={step.message}
      surfaceClassName={styles.surface}
      onOpen={() => setDraft(emptyDraft())}
      onSubmit={() => step.submit({ caseCode: detail.code, ...draft })}
    >
      <EvaluationFields draft={draft} onChange={setDraft} errorAt={step.errorAt} />
    </StepDialog>
  );
}

function EditEvaluation({ response }: { response: EvaluationResponseDto }) {
  const styles = useStyles();
  const step = useSubmit('evaluations:update', EVALUATION_FIELDS);
  // The version shown when the dialog opened: a live refresh while typing must not let a stale save through.
  const edited = useEditedVersion(response.version, step.stale);
  const [draft, setDraft] = useState<EvaluationDraft>(() => draftFrom(response));
  return (
    <StepDialog
      icon={<EditRegular />}
      triggerLabel={`Rett skjemaet mottatt ${formatNorwegianDate(response.receivedDate)}`}
      title={`Rett evalueringsskjema – sak ${response.caseCode}`}
      submitLabel="Lagre endringene"
      {...stepDialogProps(step, edited, () => setDraft(draftFrom(response)))}
      surfaceClassName={styles.surface}
      onSubmit={() => step.submit({ id: response.id, version: edited.version(), ...draft })}
    >
      <EvaluationFields draft={draft} onChange={setDraft} errorAt={step.errorAt} />
    </StepDialog>
  );
}
