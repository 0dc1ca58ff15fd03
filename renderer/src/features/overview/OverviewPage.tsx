import { Badge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ActiveCaseDto, AfterContactDto, CaseDto } from '@shared/contract';
import { CASE_STATUS_LABEL } from '@shared/domain/caseStatus';
import { formatCount, withNoun } from '@shared/count';
import { formatHours, formatNorwegianDate } from '@shared/format';
import { QUIET_DAYS } from '@shared/contract/overview';
import { AfterContactDoneDialog, AfterContactNotPossibleDialog } from '@renderer/components/AfterContactDialogs';
import { CaseLink } from '@renderer/components/CaseLink';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { SectionCard } from '@renderer/components/SectionCard';
import { SimpleTable, type SimpleColumn } from '@renderer/components/SimpleTable';
import { hrefFor } from '@renderer/lib/hashRoute';
import { useApiQuery } from '@renderer/lib/query';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(480px, 1fr))', gap: tokens.spacingHorizontalL },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
  // The two lists with actions and flags need the whole width at 1366 px, not half of it.
  wide: { gridColumn: '1 / -1' },
  flag: { whiteSpace: 'nowrap' },
});

const codeColumn: SimpleColumn<CaseDto> = { header: 'Sak', cell: (c) => <CaseLink id={c.id} code={c.code} />, width: '110px' };
const municipalityColumn: SimpleColumn<CaseDto> = { header: 'Kommune', cell: (c) => c.municipalityName };
const staffColumn: SimpleColumn<CaseDto> = { header: 'Ansatte', cell: (c) => c.staff.map((s) => s.initials).join(', ') || '–' };
const referredColumn: SimpleColumn<CaseDto> = { header: 'Henvist', cell: (c) => (c.referralDate ? formatNorwegianDate(c.referralDate) : '–') };
const rowKey = (c: CaseDto) => c.id;

/** What an active case asks of the team, or nothing: a long follow-up alone is not a warning. */
function attentionBadge(c: ActiveCaseDto, className: string) {
  if (c.attention === 'discharged') {
    return (
      <Badge color="warning" appearance="tint" className={className}>
        Utskrevet – start oppfølgingen
      </Badge>
    );
  }
  if (c.attention === 'quiet') {
    return (
      <Badge color="warning" appearance="tint" className={className}>
        {c.lastEntryDate ? `Ingen timer siden ${formatNorwegianDate(c.lastEntryDate)}` : 'Ingen timer ført'}
      </Badge>
    );
  }
  return '';
}

/** Oversikt: the team's start page — what needs doing today, from the cases' own dates. */
export function OverviewPage() {
  const styles = useStyles();
  const overview = useApiQuery('overview:get', {});
  const data = overview.data;

  const activeColumns: SimpleColumn<ActiveCaseDto>[] = [
    codeColumn,
    municipalityColumn,
    { header: 'Status', cell: (c) => CASE_STATUS_LABEL[c.status] },
    { header: 'Uker etter utskriving', numeric: true, cell: (c) => (c.weeksSinceDischarge === null ? '–' : `${c.weeksSinceDischarge}`) },
    { header: 'Trenger', cell: (c) => attentionBadge(c, styles.flag) },
    staffColumn,
  ];
  const afterColumns: SimpleColumn<AfterContactDto>[] = [
    codeColumn,
    municipalityColumn,
    { header: 'Avsluttet', cell: (c) => (c.closedDate ? formatNorwegianDate(c.closedDate) : '–') },
    { header: 'Frist', cell: (c) => formatNorwegianDate(c.dueDate) },
    {
      header: 'Status',
      cell: (c) =>
        c.overdue ? (
          <Badge color="danger">Forfalt</Badge>
        ) : (
          <Badge color="informative" appearance="tint">
            Snart
          </Badge>
        ),
    },
    {
      header: 'Registrer',
      // Room for both buttons (Fluent's minimum width each), so the row never scrolls sideways.
      width: '230px',
      cell: (c) => (
        <div className={styles.actions}>
          <AfterContactDoneDialog subtle label="Utført" target={c} />
          <AfterContactNotPossibleDialog subtle label="Ikke mulig" target={c} />
        </div>
      ),
    },
  ];

  return (
    <div className={styles.stack}>
      <PageHeader
        title="Oversikt"
        description={data ? `Det som trenger oppmerksomhet per ${formatNorwegianDate(data.today)}.` : undefined}
        actions={<Link href={hrefFor('saker')}>Gå til sakslisten</Link>}
      />
      {overview.error ? <ErrorMessage error={overview.error} /> : null}
      {overview.isPending ? <Loading label="Henter oversikten …" /> : null}
      {data ? (
        <div className={styles.grid}>
          <SectionCard title="Mine saker" description="Aktive saker du er ansatt på.">
            <SimpleTable
              ariaLabel="Mine saker"
              columns={[codeColumn, municipalityColumn, { header: 'Status', cell: (c) => CASE_STATUS_LABEL[c.status] }, staffColumn]}
              rows={data.myCases}
              rowKey={rowKey}
              emptyText="Du er ikke ansatt på noen aktive saker."
            />
          </SectionCard>
          {data.myWeek ? (
            <SectionCard title="Mine timer denne uken" description={`Fra mandag ${formatNorwegianDate(data.myWeek.weekStart)}.`}>
              <Text size={600} weight="semibold">
                {withNoun(formatHours(data.myWeek.minutes), 'time')}
              </Text>
              <Text>
                {formatCount(data.myWeek.entries, 'registrering')} · <Link href={hrefFor('timer')}>Gå til Timer</Link>
              </Text>
            </SectionCard>
          ) : null}
          <SectionCard
            className={styles.wide}
            title="Etteroppfølging"
            description="Samtalen tre måneder etter avslutning: forfalt, eller innen 14 dager. Registrer den som utført eller ikke mulig, så forsvinner varselet."
          >
            <SimpleTable
              ariaLabel="Etteroppfølging"
              columns={afterColumns}
              rows={data.afterContacts}
              rowKey={rowKey}
              emptyText="Ingen etteroppfølginger de neste 14 dagene."
            />
          </SectionCard>
          <SectionCard
            className={styles.wide}
            title="Aktive saker"
            description={`Varsel når oppfølgingen har vart ${formatCount(data.warningWeeks, 'uke')} og ingen har ført timer på saken de siste ${QUIET_DAYS} dagene, eller når brukeren er utskrevet uten at oppfølgingen er startet.`}
          >
            <SimpleTable
              ariaLabel="Aktive saker"
              columns={activeColumns}
              rows={data.active}
              rowKey={rowKey}
              emptyText="Ingen saker i institusjonsfase eller oppfølging."
            />
          </SectionCard>
          <SectionCard title="Henvisninger som venter" description="Henviste saker som ennå ikke er startet eller avvist.">
            <SimpleTable
              ariaLabel="Henvisninger som venter"
              columns={[codeColumn, municipalityColumn, referredColumn, staffColumn]}
              rows={data.waitingReferrals}
              rowKey={rowKey}
              emptyText="Ingen henvisninger venter."
            />
          </SectionCard>
          <SectionCard title="Mangler farlighetsvurdering" description="Må være gjort før oppfølgingen kan starte.">
            <SimpleTable
              ariaLabel="Mangler farlighetsvurdering"
              columns={[codeColumn, municipalityColumn, { header: 'Status', cell: (c) => CASE_STATUS_LABEL[c.status] }]}
              rows={data.missingRiskAssessment}
              rowKey={rowKey}
              emptyText="Alle saker som venter har en farlighetsvurdering."
            />
          </SectionCard>
          <SectionCard title="Mangler to ansatte" description="Teamet går to på hver sak.">
            <SimpleTable
              ariaLabel="Mangler to ansatte"
              columns={[codeColumn, municipalityColumn, staffColumn]}
              rows={data.missingSecondStaff}
              rowKey={rowKey}
              emptyText="Alle aktive saker har to ansatte."
            />
          </SectionCard>
        </div>
      ) : null}
    </div>
  );
}
