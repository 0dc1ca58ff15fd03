import { Badge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ActiveCaseDto, AfterContactDto, CaseDto } from '@shared/contract';
import { CASE_STATUS_LABEL } from '@shared/domain/caseStatus';
import { formatCount, withNoun } from '@shared/count';
import { formatHours, formatNorwegianDate } from '@shared/format';
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
});

const codeColumn: SimpleColumn<CaseDto> = { header: 'Sak', cell: (c) => <CaseLink id={c.id} code={c.code} />, width: '110px' };
const municipalityColumn: SimpleColumn<CaseDto> = { header: 'Kommune', cell: (c) => c.municipalityName };
const staffColumn: SimpleColumn<CaseDto> = { header: 'Ansatte', cell: (c) => c.staff.map((s) => s.initials).join(', ') || '–' };
const referredColumn: SimpleColumn<CaseDto> = { header: 'Henvist', cell: (c) => (c.referralDate ? formatNorwegianDate(c.referralDate) : '–') };
const rowKey = (c: CaseDto) => c.id;

/** Oversikt: the team's start page — what needs doing today, from the cases' own dates. */
export function OverviewPage() {
  const styles = useStyles();
  const overview = useApiQuery('overview:get', {});
  const data = overview.data;

  const activeColumns: SimpleColumn<ActiveCaseDto>[] = [
    codeColumn,
    municipalityColumn,
    { header: 'Status', cell: (c) => CASE_STATUS_LABEL[c.status] },
    {
      header: 'Uker etter utskriving',
      numeric: true,
      cell: (c) =>
        c.weeksSinceDischarge === null ? (
          '–'
        ) : c.longFollowUp ? (
          <Badge color="warning" appearance="tint">
            {formatCount(c.weeksSinceDischarge, 'uke')}
          </Badge>
        ) : (
          `${c.weeksSinceDischarge}`
        ),
    },
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
          <SectionCard title="Etteroppfølging" description="Samtalen tre måneder etter avslutning: forfalt, eller innen 14 dager.">
            <SimpleTable
              ariaLabel="Etteroppfølging"
              columns={afterColumns}
              rows={data.afterContacts}
              rowKey={rowKey}
              emptyText="Ingen etteroppfølginger de neste 14 dagene."
            />
          </SectionCard>
          <SectionCard
            title="Aktive saker"
            description={`Varsel når oppfølgingen har vart ${formatCount(data.warningWeeks, 'uke')} etter utskriving eller løslatelse.`}
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
