import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AnnualReportTextDto } from '@shared/contract';
import { FREE_TEXT_REMINDER } from '@shared/contract/cases/closureNote';
import { ANNUAL_REPORT_TEXT_MAX_LENGTH } from '@shared/domain/annualReport';
import { REPORT_TEXT_HELP } from '@shared/domain/reportText';
import { formatNorwegianDateTime } from '@shared/format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { useApiMutation } from '@renderer/lib/query';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * One chapter's introductory text. The hint is only a placeholder: an empty chapter prints its tables
 * and nothing pretends to be the team's words.
 */
export function SectionTextEditor({ year, section }: { year: number; section: AnnualReportTextDto }) {
  const styles = useStyles();
  const [text, setText] = useState(section.text ?? '');
  const save = useApiMutation('annual-report:save-text');
  const changed = text.trim() !== (section.text ?? '');
  return (
    <div className={styles.editor}>
      <Field label={section.heading} hint={`${REPORT_TEXT_HELP} ${FREE_TEXT_REMINDER}`}>
        <Textarea
          value={text}
          onChange={(_e, data) => setText(data.value)}
          placeholder={section.hint}
          maxLength={ANNUAL_REPORT_TEXT_MAX_LENGTH}
          resize="vertical"
          rows={4}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          disabled={!changed || save.isPending}
          onClick={() =>
            void save.mutateAsync({ year, section: section.section, text }).then(
              () => undefined,
              () => undefined,
            )
          }
        >
          Lagre teksten
        </Button>
        <span className={styles.meta} aria-live="polite">
          {section.updatedAt
            ? `Lagret ${formatNorwegianDateTime(section.updatedAt)}${section.updatedBy ? ` av ${section.updatedBy}` : ''}`
            : 'Ikke skrevet ennå'}
        </span>
      </div>
      {save.error ? <ErrorMessage error={save.error} /> : null}
    </div>
  );
}
