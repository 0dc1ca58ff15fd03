import {
  Button,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseDetailDto } from '@shared/contract';
import {
  RATING_LEVELS,
  RATING_LEVEL_EXPLANATION,
  RATING_LEVEL_LABEL,
  RATING_OCCASIONS,
  RATING_OCCASION_LABEL,
  type RatingLevel,
  type RatingOccasion,
} from '@shared/domain/caseLife';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { DateInput } from '@renderer/components/DateInput';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { SectionCard } from '@renderer/components/SectionCard';
import { todayIso } from '@renderer/lib/dates';
import { useApiQuery } from '@renderer/lib/query';
import { useSubmit } from '@renderer/lib/useSubmit';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';

const useStyles = makeStyles({
  levels: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  header: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  radios: { flexDirection: 'row', flexWrap: 'nowrap' },
});

/** Life domains rated on three levels at start, at closure and after three months: the measure of lasting change. */
export function RatingsSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const domains = useApiQuery('life-domains:list', {});
  const step = useSubmit('cases:rate-domains', ['occasion', 'ratedOn']);
  const [occasion, setOccasion] = useState<RatingOccasion>(detail.closedDate ? (detail.status === 'avsluttet' ? 'etteroppfolging' : 'avslutning') : 'start');
  const [ratedOn, setRatedOn] = useState(todayIso());
  const [levels, setLevels] = useState<Record<number, RatingLevel>>({});
  // The case's version when the user picked the first level: a live refresh meanwhile must not let a stale save through.
  const edited = useEditedVersion(detail.version, step.stale);
  const levelOf = (domainId: number, o: RatingOccasion) => detail.ratings.find((r) => r.domainId === domainId && r.occasion === o)?.level;
  const list = domains.data ?? [];

  return (
    <SectionCard title="Livsområder" description="Vurderes ved start, ved avslutning og etter tre måneder.">
      <dl className={styles.levels} aria-label="Nivåene">
        {RATING_LEVELS.map((l) => (
          <div key={l} style={{ display: 'contents' }}>
            <dt>
              <strong>
                {l} {RATING_LEVEL_LABEL[l]}
              </strong>
            </dt>
            <dd style={{ margin: 0 }}>{RATING_LEVEL_EXPLANATION[l]}</dd>
          </div>
        ))}
      </dl>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const ratings = Object.entries(levels).map(([domainId, level]) => ({ domainId: Number(domainId), level }));
          if (await step.submit({ caseId: detail.id, version: edited.version(), occasion, ratedOn, ratings })) setLevels({});
        }}
      >
        <Table aria-label="Livsområder" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.header}>Livsområde</TableHeaderCell>
              {RATING_OCCASIONS.map((o) => (
                <TableHeaderCell key={o} className={styles.header}>
                  {RATING_OCCASION_LABEL[o]}
                </TableHeaderCell>
              ))}
              <TableHeaderCell className={styles.header}>Ny vurdering</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.name}</TableCell>
                {RATING_OCCASIONS.map((o) => {
                  const level = levelOf(d.id, o);
                  return <TableCell key={o}>{level ? `${level} ${RATING_LEVEL_LABEL[level]}` : '–'}</TableCell>;
                })}
                <TableCell>
                  <RadioGroup
                    className={styles.radios}
                    aria-label={`Nivå for ${d.name}`}
                    value={levels[d.id] ? String(levels[d.id]) : ''}
                    onChange={(_e, data) => {
                      if (Object.keys(levels).length === 0) edited.begin();
                      setLevels({ ...levels, [d.id]: Number(data.value) as RatingLevel });
                    }}
                  >
                    {RATING_LEVELS.map((l) => (
                      <Radio key={l} value={String(l)} label={String(l)} aria-label={`${l} ${RATING_LEVEL_LABEL[l]}`} />
                    ))}
                  </RadioGroup>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className={styles.row}>
          <FormField label="Tidspunkt" validationMessage={step.errorAt('occasion', occasion)}>
            <ChoiceDropdown value={occasion} options={RATING_OCCASIONS} labels={RATING_OCCASION_LABEL} onChange={(o) => o && setOccasion(o)} />
          </FormField>
          <FormField label="Vurdert dato" validationMessage={step.errorAt('ratedOn', ratedOn)}>
            <DateInput value={ratedOn} onChange={setRatedOn} />
          </FormField>
          <Button type="submit" disabled={step.pending || Object.keys(levels).length === 0}>
            Lagre livsområder
          </Button>
        </div>
      </form>
      <FormErrorMessage message={step.message} stale={step.stale} />
      {Object.keys(levels).length === 0 ? <Text size={200}>Velg et nivå for hvert område som er vurdert, og lagre.</Text> : null}
    </SectionCard>
  );
}
