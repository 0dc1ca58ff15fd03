import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseDetailDto, CaseTransitionDto } from '@shared/contract';
import { AFTER_CONTACT_MISS_REASON_LABEL } from '@shared/domain/afterContact';
import { CLOSURE_REASON_LABEL, INSTITUTION_KIND_LABEL } from '@shared/domain/caseLife';
import { CASE_STATUS_LABEL } from '@shared/domain/caseStatus';
import { formatHours, formatHoursWithUnit, formatNorwegianDate } from '@shared/format';
import { SectionCard } from '@renderer/components/SectionCard';
import { SimpleTable } from '@renderer/components/SimpleTable';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

const date = (value: string | null | undefined) => (value ? formatNorwegianDate(value) : '–');

function stepText(t: CaseTransitionDto): string {
  if (t.reopened) return 'Gjenåpnet – tilbake til oppfølging';
  return t.fromStatus ? `${CASE_STATUS_LABEL[t.fromStatus]} → ${CASE_STATUS_LABEL[t.toStatus]}` : CASE_STATUS_LABEL[t.toStatus];
}

/** The case's key dates and every transition it went through, oldest first. */
export function CaseTimeline({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const facts: [string, string][] = [
    ['Henvist', date(detail.referralDate)],
    ...(detail.rejectedDate ? ([['Avvist', date(detail.rejectedDate)]] as [string, string][]) : []),
    ...(detail.institution
      ? ([
          ['Institusjon', [INSTITUTION_KIND_LABEL[detail.institution.kind], detail.institution.name].filter(Boolean).join(', ')],
          ['Forventet utskriving/løslatelse', date(detail.institution.expectedDischargeDate)],
        ] as [string, string][])
      : []),
    ['Utskrevet/løslatt', date(detail.dischargeDate)],
    ['Oppfølging startet', date(detail.startDate)],
    ['Avsluttet', detail.closedDate ? `${date(detail.closedDate)}${detail.closureReason ? ` (${CLOSURE_REASON_LABEL[detail.closureReason]})` : ''}` : '–'],
    ...(detail.takeoverService ? ([['Overtar oppfølging', detail.takeoverService]] as [string, string][]) : []),
    [
      'Etteroppfølging',
      detail.afterContactDate
        ? `Utført ${date(detail.afterContactDate)}`
        : detail.afterContactNotPossible
          ? `Ikke mulig (${AFTER_CONTACT_MISS_REASON_LABEL[detail.afterContactNotPossible.reason]}), registrert ${date(detail.afterContactNotPossible.date)}${detail.afterContactNotPossible.note ? ` – ${detail.afterContactNotPossible.note}` : ''}`
          : detail.afterContactDue
            ? `Frist ${date(detail.afterContactDue)}`
            : '–',
    ],
  ];
  return (
    <SectionCard title="Forløp">
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <SimpleTable
        ariaLabel="Statusendringer"
        columns={[
          { header: 'Dato', cell: (t) => formatNorwegianDate(t.onDate), width: '110px' },
          { header: 'Endring', cell: stepText },
          { header: 'Registrert av', cell: (t) => t.actorName ?? '–' },
        ]}
        rows={detail.transitions}
        rowKey={(t) => t.id}
        emptyText="Ingen statusendringer registrert (importert sak)."
      />
    </SectionCard>
  );
}

/** Hours logged on the case, per category. */
export function CaseTime({ detail }: { detail: CaseDetailDto }) {
  return (
    <SectionCard title="Timer på saken" description={<Text>Klokketimer registrert på saken, {formatHoursWithUnit(detail.minutes)} i alt.</Text>}>
      <SimpleTable
        ariaLabel="Timer per hendelse"
        columns={[
          { header: 'Hendelse', cell: (r) => r.categoryName },
          { header: 'Registreringer', cell: (r) => r.entries, numeric: true },
          { header: 'Timer', cell: (r) => formatHours(r.minutes), numeric: true },
        ]}
        rows={detail.minutesByCategory}
        rowKey={(r) => r.categoryId}
        emptyText="Ingen timer registrert på saken ennå."
      />
    </SectionCard>
  );
}
