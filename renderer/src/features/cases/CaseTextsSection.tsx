import { Button, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseDetailDto } from '@shared/contract';
import { FREE_TEXT_REMINDER, REFERRAL_REASON_MAX_LENGTH, TEAM_ASSESSMENT_MAX_LENGTH } from '@shared/contract/cases/closureNote';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { SectionCard } from '@renderer/components/SectionCard';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { useSubmit } from '@renderer/lib/useSubmit';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The two texts the closure report prints in the team's own words: why the case was referred, and the
 * team's assessment and recommendations to the municipality. Saved together, with the case's version.
 */
export function CaseTextsSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const step = useSubmit('cases:set-texts', ['referralReason', 'teamAssessment']);
  const edited = useEditedVersion(detail.version, step.stale);
  const [referralReason, setReferralReason] = useState(detail.referralReason ?? '');
  const [teamAssessment, setTeamAssessment] = useState(detail.teamAssessment ?? '');
  const change = (set: (value: string) => void) => (value: string) => {
    edited.touch();
    set(value);
  };
  return (
    <SectionCard title="Til avslutningsrapporten" description="Teksten skrives slik den skal stå i rapporten til kommunen.">
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void step.submit({ id: detail.id, version: edited.version(), referralReason, teamAssessment }).then((ok) => ok && edited.saved());
        }}
      >
        <FormField
          label="Henvisningsgrunn"
          hint={`Hvorfor saken kom til teamet. Høyst ${REFERRAL_REASON_MAX_LENGTH} tegn.`}
          validationMessage={step.errorAt('referralReason', referralReason)}
        >
          <Textarea value={referralReason} maxLength={REFERRAL_REASON_MAX_LENGTH} rows={2} onChange={(_e, d) => change(setReferralReason)(d.value)} />
        </FormField>
        <FormField
          label="Teamets vurdering og anbefalinger"
          hint={`Hva teamet ser, og hva kommunen bør gjøre videre. Høyst ${TEAM_ASSESSMENT_MAX_LENGTH} tegn.`}
          validationMessage={step.errorAt('teamAssessment', teamAssessment)}
        >
          <Textarea
            value={teamAssessment}
            maxLength={TEAM_ASSESSMENT_MAX_LENGTH}
            rows={6}
            resize="vertical"
            onChange={(_e, d) => change(setTeamAssessment)(d.value)}
          />
        </FormField>
        <Text size={200} className={styles.muted}>
          {FREE_TEXT_REMINDER}
        </Text>
        <div>
          <Button type="submit" appearance="primary" disabled={step.pending}>
            Lagre tekstene
          </Button>
        </div>
      </form>
      <FormErrorMessage message={step.message} stale={step.stale} />
    </SectionCard>
  );
}
