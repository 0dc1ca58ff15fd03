import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { CASE_STATUS_LABEL } from '@shared/domain/caseStatus';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { hrefFor, useHashParam } from '@renderer/lib/hashRoute';
import { useApiQuery } from '@renderer/lib/query';
import { CaseContactsSection } from './CaseContactsSection';
import { RiskSection, StaffSection } from './CaseTeamSections';
import { CaseTextsSection } from './CaseTextsSection';
import { CaseTime, CaseTimeline } from './CaseTimeline';
import { DocumentsSection } from './DocumentsSection';
import { EvaluationsSection } from './EvaluationsSection';
import { GoalsSection } from './GoalsSection';
import { LifecycleActions } from './LifecycleActions';
import { RatingsSection } from './RatingsSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(440px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
});

/** One case: its life so far, the next step, and everything gathered on it. Reached from #/sak/<id>. */
export function CasePage() {
  const styles = useStyles();
  const id = Number(useHashParam());
  const valid = Number.isInteger(id) && id > 0;
  const query = useApiQuery('cases:get', { id: valid ? id : 1 }, { enabled: valid });
  const detail = query.data;
  return (
    <div className={styles.stack}>
      <Link href={hrefFor('saker')}>← Alle saker</Link>
      {!valid ? <ErrorMessage error={new Error()} title="Ingen sak valgt" /> : null}
      {query.error ? <ErrorMessage error={query.error} /> : null}
      {query.isPending && valid ? <Loading label="Henter saken …" /> : null}
      {detail ? (
        <>
          <PageHeader
            title={`Sak ${detail.code}`}
            description={
              <>
                {detail.municipalityName} ·{' '}
                <Badge appearance="tint" shape="rounded">
                  {CASE_STATUS_LABEL[detail.status]}
                </Badge>
              </>
            }
          />
          <LifecycleActions key={`${detail.status}-${detail.transitions.length}`} detail={detail} />
          <div className={styles.grid}>
            <CaseTimeline detail={detail} />
            <div className={styles.stack}>
              <RiskSection key={`risk-${detail.risk.date}`} detail={detail} />
              <StaffSection key={`staff-${detail.staff.map((s) => s.id).join()}`} detail={detail} />
            </div>
          </div>
          <GoalsSection detail={detail} />
          <RatingsSection detail={detail} />
          <div className={styles.grid}>
            <CaseContactsSection detail={detail} />
            <CaseTime detail={detail} />
          </div>
          <CaseTextsSection key={`texts-${detail.id}-${detail.referralReason}-${detail.teamAssessment}`} detail={detail} />
          {/* Keyed by case: a refusal shown for one case must not linger on the next one opened. */}
          <DocumentsSection key={`documents-${detail.id}`} detail={detail} />
          <EvaluationsSection key={`evaluations-${detail.id}`} detail={detail} />
        </>
      ) : null}
    </div>
  );
}
