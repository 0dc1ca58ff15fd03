import { MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment, useId, useState } from 'react';
import type { EvaluationAnswers, EvaluationResponseDto } from '@shared/contract';
import {
  EVALUATION_CONSENT_TEXT,
  EVALUATION_GROUPS,
  EVALUATION_SCALE,
  EVALUATION_SCALE_QUESTIONS,
  EVALUATION_SHARE_CONSENT_LABEL,
  EVALUATION_TEXT_MAX,
  EVALUATION_TEXT_QUESTIONS,
  NOT_RELEVANT_LABEL,
  type EvaluationQuestionId,
} from '@shared/domain/evaluationForm';
import { formatInteger } from '@shared/format';
import { DateInput } from '@renderer/components/DateInput';
import { FormField } from '@renderer/components/FormField';
import { todayIso } from '@renderer/lib/dates';

/**
 * The fields a refusal can point at: the statements' radio rows have no message of their own (a level out
 * of range cannot be clicked), so what concerns them goes to the form's banner.
 */
export const EVALUATION_FIELDS = [
  'receivedDate',
  ...EVALUATION_TEXT_QUESTIONS.map((q) => `answers.${q.id}` as const),
  'consentToContact',
  'consentToShare',
] as const;
export type EvaluationField = (typeof EVALUATION_FIELDS)[number];

/** Radio value for «Ikke aktuelt»: stored as null, like a line left blank. */
const NOT_RELEVANT = 'na';
const SCALE_COLUMNS = `minmax(240px, 1fr) repeat(${EVALUATION_SCALE.length + 1}, 76px)`;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  grid: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: {
    display: 'grid',
    gridTemplateColumns: SCALE_COLUMNS,
    alignItems: 'center',
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  // The scale's words stay in view while the long list of statements scrolls inside the dialog.
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    borderTop: 'none',
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  scaleLabel: { textAlign: 'center', lineHeight: tokens.lineHeightBase200 },
  groupHeading: { gridColumn: '1 / -1', fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalXXS },
  grouped: { paddingLeft: tokens.spacingHorizontalL },
  radios: { gridColumn: '2 / -1', display: 'grid', gridTemplateColumns: `repeat(${EVALUATION_SCALE.length + 1}, 76px)`, justifyItems: 'center' },
  date: { maxWidth: '160px' },
  consent: { flexDirection: 'row', flexWrap: 'wrap' },
});

export interface EvaluationDraft {
  receivedDate: string;
  consentToContact: boolean | null;
  consentToShare: boolean | null;
  answers: EvaluationAnswers;
}

export function emptyDraft(): EvaluationDraft {
  return { receivedDate: todayIso(), consentToContact: null, consentToShare: null, answers: {} };
}

export function draftFrom(response: EvaluationResponseDto): EvaluationDraft {
  return {
    receivedDate: response.receivedDate,
    consentToContact: response.consentToContact,
    consentToShare: response.consentToShare,
    answers: { ...response.answers },
  };
}

/**
 * The returned paper form, line by line: the received date, one row of radio buttons per statement on the
 * form's own scale, the two free-text answers and the consent. The same fields to register and to correct.
 */
export function EvaluationFields({
  draft,
  onChange,
  errorAt,
}: {
  draft: EvaluationDraft;
  onChange: (draft: EvaluationDraft) => void;
  /** The refused save's message for a field (see `EVALUATION_FIELDS`), given its value now. */
  errorAt: (field: EvaluationField, value: unknown) => string | undefined;
}) {
  const styles = useStyles();
  const statementsId = useId();
  const textId = useId();
  // «Ikke aktuelt» and a blank line are both stored as null; remember which one was ticked while editing.
  const [notRelevant, setNotRelevant] = useState<Set<string>>(new Set());
  const setAnswer = (id: EvaluationQuestionId, value: number | string | null) => onChange({ ...draft, answers: { ...draft.answers, [id]: value } });
  const radioValue = (id: EvaluationQuestionId) => {
    const value = draft.answers[id];
    if (typeof value === 'number') return String(value);
    return notRelevant.has(id) ? NOT_RELEVANT : '';
  };

  let previousGroup: string | undefined;
  return (
    <>
      <FormField label="Mottatt dato" required validationMessage={errorAt('receivedDate', draft.receivedDate)}>
        <DateInput className={styles.date} value={draft.receivedDate} onChange={(receivedDate) => onChange({ ...draft, receivedDate })} />
      </FormField>

      <section className={styles.section} aria-labelledby={statementsId}>
        <h3 id={statementsId} className={styles.heading}>
          Utsagn
        </h3>
        <div className={styles.grid}>
          <div className={mergeClasses(styles.row, styles.header)} aria-hidden="true">
            <span>Sett ett kryss per linje, slik brukeren har gjort</span>
            {EVALUATION_SCALE.map((s) => (
              <span key={s.value} className={styles.scaleLabel}>
                {s.label}
              </span>
            ))}
            <span className={styles.scaleLabel}>{NOT_RELEVANT_LABEL}</span>
          </div>
          {EVALUATION_SCALE_QUESTIONS.map((q) => {
            const group = 'group' in q ? q.group : undefined;
            const startsGroup = group !== undefined && group !== previousGroup;
            previousGroup = group;
            const name = group ? `${EVALUATION_GROUPS[group]} ${q.text}` : q.text;
            return (
              <Fragment key={q.id}>
                {startsGroup ? (
                  <div className={styles.row}>
                    <span className={styles.groupHeading}>{EVALUATION_GROUPS[group]}</span>
                  </div>
                ) : null}
                <div className={styles.row}>
                  <Text className={group ? styles.grouped : undefined}>{q.text}</Text>
                  <RadioGroup
                    className={styles.radios}
                    aria-label={name}
                    value={radioValue(q.id)}
                    onChange={(_e, data) => {
                      const next = new Set(notRelevant);
                      if (data.value === NOT_RELEVANT) next.add(q.id);
                      else next.delete(q.id);
                      setNotRelevant(next);
                      setAnswer(q.id, data.value === NOT_RELEVANT ? null : Number(data.value));
                    }}
                  >
                    {EVALUATION_SCALE.map((s) => (
                      <Radio key={s.value} value={String(s.value)} aria-label={s.label} />
                    ))}
                    <Radio value={NOT_RELEVANT} aria-label={NOT_RELEVANT_LABEL} />
                  </RadioGroup>
                </div>
              </Fragment>
            );
          })}
        </div>
      </section>

      <section className={styles.section} aria-labelledby={textId}>
        <h3 id={textId} className={styles.heading}>
          Brukerens egne ord
        </h3>
        <MessageBar intent="warning">
          <MessageBarBody>Skriv av svarene, men utelat navn og helseopplysninger – også om andre enn brukeren.</MessageBarBody>
        </MessageBar>
        {EVALUATION_TEXT_QUESTIONS.map((q) => {
          const value = typeof draft.answers[q.id] === 'string' ? (draft.answers[q.id] as string) : '';
          return (
            <FormField
              key={q.id}
              label={q.text}
              hint={`${formatInteger(value.length)} av ${formatInteger(EVALUATION_TEXT_MAX)} tegn.`}
              validationMessage={errorAt(`answers.${q.id}`, value)}
            >
              <Textarea
                value={value}
                maxLength={EVALUATION_TEXT_MAX}
                resize="vertical"
                onChange={(_e, d) => setAnswer(q.id, d.value === '' ? null : d.value)}
              />
            </FormField>
          );
        })}
      </section>

      <YesNoField
        label={EVALUATION_CONSENT_TEXT}
        value={draft.consentToContact}
        error={errorAt('consentToContact', draft.consentToContact)}
        onChange={(consentToContact) => onChange({ ...draft, consentToContact })}
      />
      <YesNoField
        label={EVALUATION_SHARE_CONSENT_LABEL}
        value={draft.consentToShare}
        error={errorAt('consentToShare', draft.consentToShare)}
        onChange={(consentToShare) => onChange({ ...draft, consentToShare })}
      />
    </>
  );
}

/** A yes/no box on the paper form, with «Ikke besvart» for a box left blank (stored as null). */
function YesNoField({ label, value, error, onChange }: { label: string; value: boolean | null; error?: string; onChange: (value: boolean | null) => void }) {
  const styles = useStyles();
  return (
    <FormField label={label} validationMessage={error}>
      <RadioGroup
        className={styles.consent}
        layout="horizontal"
        value={value === null ? 'blank' : value ? 'yes' : 'no'}
        onChange={(_e, data) => onChange(data.value === 'blank' ? null : data.value === 'yes')}
      >
        <Radio value="yes" label="Ja" />
        <Radio value="no" label="Nei" />
        <Radio value="blank" label="Ikke besvart" />
      </RadioGroup>
    </FormField>
  );
}
