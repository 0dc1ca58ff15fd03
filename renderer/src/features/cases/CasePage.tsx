import { Badge, Link, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
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
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // Two columns from a laptop's width (1366×768) up, one below that.
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 1199px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

/**
 * The case in three tabs, each within one to two screens at 1366×768 (one long page was 3.4 screens):
 * its course and the people on it; the work with the user; hours and paperwork.
 */
const TABS = {
  forlop: 'Forløp og team',
  mal: 'Mål og livsområder',
  dokumenter: 'Timer og dokumenter',
} as const;
type CaseTab = keyof typeof TABS;

/** One case: its life so far, the next step, and everything gathered on it. Reached from #/sak/<id>. */
export function CasePage() {
  const styles = useStyles();
  const id = Number(useHashParam());
  const valid = Number.isInteger(id) && id > 0;
  const query = useApiQuery('cases:get', { id: valid ? id : 1 }, { enabled: valid });
  const [tab, setTab] = useState<CaseTab>('forlop');
  const tabIds = useId();
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
          <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as CaseTab)} aria-label="Deler av saken">
            {(Object.keys(TABS) as CaseTab[]).map((key) => (
              <Tab key={key} value={key} id={`${tabIds}-${key}`} aria-controls={`${tabIds}-panel`}>
                {TABS[key]}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`${tabIds}-panel`} aria-labelledby={`${tabIds}-${tab}`} className={styles.stack}>
            {tab === 'forlop' ? (
              <div className={styles.columns}>
                <div className={styles.stack}>
                  <CaseTimeline detail={detail} />
                  <RiskSection key={`risk-${detail.risk.date}`} detail={detail} />
                </div>
                <div className={styles.stack}>
                  <StaffSection key={`staff-${detail.staff.map((s) => s.id).join()}`} detail={detail} />
                  <CaseContactsSection detail={detail} />
                </div>
              </div>
            ) : null}
            {tab === 'mal' ? (
              <>
                <GoalsSection detail={detail} />
                <RatingsSection detail={detail} />
              </>
            ) : null}
            {tab === 'dokumenter' ? (
              <>
                {/* Side by side: the hours table is narrow, and with the texts below it the tab ran past two screens. */}
                <div className={styles.columns}>
                  <CaseTime detail={detail} />
                  <CaseTextsSection key={`texts-${detail.id}-${detail.referralReason}-${detail.teamAssessment}`} detail={detail} />
                </div>
                {/* Keyed by case: a refusal shown for one case must not linger on the next one opened. */}
                <DocumentsSection key={`documents-${detail.id}`} detail={detail} />
                <EvaluationsSection key={`evaluations-${detail.id}`} detail={detail} />
              </>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
