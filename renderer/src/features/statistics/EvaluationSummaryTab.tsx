import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import type { EvaluationQuestionSummaryDto, EvaluationSummaryDto } from '@shared/contract';
import { EVALUATION_GROUPS, EVALUATION_QUESTIONS, EVALUATION_SCALE, type EvaluationGroupId } from '@shared/domain/evaluationForm';
import { DISCLOSURE_RULE_TEXT, DISCLOSURE_THRESHOLD, publishedText, type PublishedCount } from '@shared/domain/disclosureControl';
import { withNoun } from '@shared/count';
import { formatInteger } from '@shared/format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { EmptyPeriod } from './EmptyPeriod';
import type { StatisticsTabProps } from './statisticsTabProps';

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  // Natural widths: the statements take the room, the figures only what they need.
  table: { tableLayout: 'auto' },
  question: { minWidth: '220px' },
  // Headers may wrap («Svar (skjemaer)») so the table fits the page; the figures below do not.
  headerEnd: { justifyContent: 'flex-end', textAlign: 'end', whiteSpace: 'normal' },
  header: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold, verticalAlign: 'bottom' },
  figure: { textAlign: 'end', justifyContent: 'flex-end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  figureHeader: { textAlign: 'end' },
  group: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  grouped: { paddingLeft: tokens.spacingHorizontalXL },
  caption: {
    captionSide: 'top',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
  },
});

const formText = (count: PublishedCount) => {
  const text = publishedText(count, formatInteger);
  return count.kind === 'count' ? withNoun(text, 'skjema') : text;
};

const meanText = (mean: PublishedCount | null) =>
  mean === null ? '–' : publishedText(mean, (n) => n.toLocaleString('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

function groupOf(questionId: string): EvaluationGroupId | undefined {
  const question = EVALUATION_QUESTIONS.find((q) => q.id === questionId);
  return question && 'group' in question ? question.group : undefined;
}

/**
 * Statistikk → Brukerevalueringer (the page's period; the summary is per year): how the users answered the team's evaluation form in a year. The
 * services apply the disclosure-control rule, so a hidden figure arrives as its label and is shown as such; free-text answers are never summarised here (they could point at a person).
 */
export function EvaluationSummaryTab({ period }: StatisticsTabProps) {
  const year = 'year' in period ? period.year : null;
  const summary = useApiQuery('evaluations:summary', { year: year ?? 2020 }, { enabled: year !== null, keepPrevious: true });
  if (year === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Brukerevalueringene oppsummeres per år. Velg et helt år for å se dem.</MessageBarBody>
      </MessageBar>
    );
  }
  if (summary.error) return <ErrorMessage error={summary.error} />;
  if (!summary.data) return <Loading label="Henter brukerevalueringene …" />;
  return <EvaluationSummary summary={summary.data} />;
}

function EvaluationSummary({ summary }: { summary: EvaluationSummaryDto }) {
  const { responses } = summary;
  if (responses.kind === 'count' && responses.value === 0) {
    // No «Mottatt: 0 skjemaer · Ja til kontakt …: 0 skjemaer» and no table of dashes: one sentence.
    return (
      <SectionCard title={`Brukerevalueringer ${summary.year}`}>
        <EmptyPeriod>{`Ingen evalueringsskjemaer er registrert med mottatt dato i ${summary.year}.`}</EmptyPeriod>
      </SectionCard>
    );
  }
  const description = `Mottatt: ${formText(responses)} · Ja til kontakt etter tre måneder: ${formText(summary.consents)}`;
  return (
    <SectionCard title={`Brukerevalueringer ${summary.year}`} description={description}>
      {responses.kind === 'suppressed' ? (
        <MessageBar intent="info">
          <MessageBarBody>
            Færre enn {DISCLOSURE_THRESHOLD} skjemaer er mottatt i {summary.year}. Svarene vises ikke før minst {DISCLOSURE_THRESHOLD} har svart, så ingen kan
            kjennes igjen.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <SummaryTable questions={summary.questions} year={summary.year} />
    </SectionCard>
  );
}

function SummaryTable({ questions, year }: { questions: EvaluationQuestionSummaryDto[]; year: number }) {
  const styles = useStyles();
  let previousGroup: EvaluationGroupId | undefined;
  return (
    <div className={styles.wrapper}>
      <Table aria-label={`Svar på evalueringsskjemaet ${year}`} size="small" className={styles.table}>
        <caption className={styles.caption}>
          Antall skjemaer per svar. Snitt på skalaen 1 (helt uenig) til 5 (helt enig); «ikke aktuelt» og tomme svar er ikke med. {DISCLOSURE_RULE_TEXT}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(styles.header, styles.question)}>Spørsmål</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.header, styles.figureHeader)} button={{ className: styles.headerEnd }}>
              Svar (skjemaer)
            </TableHeaderCell>
            {EVALUATION_SCALE.map((s) => (
              <TableHeaderCell key={s.value} className={mergeClasses(styles.header, styles.figureHeader)} button={{ className: styles.headerEnd }}>
                {s.label}
              </TableHeaderCell>
            ))}
            <TableHeaderCell className={mergeClasses(styles.header, styles.figureHeader)} button={{ className: styles.headerEnd }}>
              Snitt (1–5)
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {questions.map((q) => {
            const group = groupOf(q.questionId);
            const startsGroup = group !== undefined && group !== previousGroup;
            previousGroup = group;
            return (
              <Fragment key={q.questionId}>
                {startsGroup ? (
                  <TableRow>
                    <TableCell colSpan={EVALUATION_SCALE.length + 3} className={styles.group}>
                      {EVALUATION_GROUPS[group]}
                    </TableCell>
                  </TableRow>
                ) : null}
                <TableRow>
                  <TableCell className={group ? styles.grouped : undefined}>{q.text}</TableCell>
                  <TableCell className={styles.figure}>{publishedText(q.answered, formatInteger)}</TableCell>
                  {q.distribution.map((d) => (
                    <TableCell key={d.value} className={styles.figure}>
                      {publishedText(d.count, formatInteger)}
                    </TableCell>
                  ))}
                  <TableCell className={styles.figure}>{meanText(q.mean)}</TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
