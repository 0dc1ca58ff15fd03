import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import { annualReportFileName, chaptersWithoutText, chaptersWithoutTextMessage } from '@shared/domain/annualReport';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { downloadFile } from '@renderer/lib/download';
import type { StatisticsTabProps } from '../statisticsTabProps';
import { SectionTextEditor } from './SectionTextEditor';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  make: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** «Årsrapport»: the year's texts per chapter, and both files in one click. */
export function AnnualReportTab({ period }: StatisticsTabProps) {
  if (!('year' in period)) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Årsrapporten gjelder et helt år. Velg «År» som periode.</MessageBarBody>
      </MessageBar>
    );
  }
  return <AnnualReportForYear year={period.year} />;
}

function AnnualReportForYear({ year }: { year: number }) {
  const styles = useStyles();
  const texts = useApiQuery('annual-report:texts', { year });
  const generate = useApiMutation('annual-report:generate');
  // Said before the report is made, so an empty chapter is a choice and not a surprise.
  const missing = texts.data ? chaptersWithoutTextMessage(chaptersWithoutText(texts.data.sections)) : null;
  const make = () =>
    void generate.mutateAsync({ year }).then(
      (files) => {
        downloadFile(files.docx);
        downloadFile(files.xlsx);
      },
      () => undefined,
    );
  return (
    <div className={styles.stack}>
      <SectionCard title={`Årsrapport ${year}`}>
        <div className={styles.make}>
          <Button appearance="primary" icon={<DocumentRegular />} disabled={generate.isPending} onClick={make}>
            {generate.isPending ? 'Lager årsrapporten …' : 'Lag årsrapport'}
          </Button>
          <Text>
            Lager «{annualReportFileName(year, 'docx')}» og «{annualReportFileName(year, 'xlsx')}» med tabellene og figurene for {year} og tekstene nedenfor.
          </Text>
        </div>
        {missing ? (
          <MessageBar intent="warning">
            <MessageBarBody>{missing}</MessageBarBody>
          </MessageBar>
        ) : null}
        {generate.error ? <ErrorMessage error={generate.error} /> : null}
      </SectionCard>
      <SectionCard title="Innledende tekster">
        {texts.error ? <ErrorMessage error={texts.error} /> : null}
        {!texts.data ? (
          <Loading label="Henter tekstene …" />
        ) : (
          <div className={styles.sections}>
            {texts.data.sections.map((section) => (
              // Keyed by year: another year's text starts the editor afresh. A colleague's save must not, or
              // it would throw away what the user is typing; the editor follows the stored text by itself.
              <SectionTextEditor key={`${year}:${section.section}`} year={year} section={section} />
            ))}
          </div>
        )}
      </SectionCard>
    </div>
  );
}
