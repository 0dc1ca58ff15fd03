import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AnnualReportTextDto } from '@shared/contract';
import { FREE_TEXT_REMINDER } from '@shared/contract/cases/closureNote';
import { ANNUAL_REPORT_TEXT_MAX_LENGTH } from '@shared/domain/annualReport';
import { REPORT_TEXT_HELP } from '@shared/domain/reportText';
import { formatNorwegianDateTime } from '@shared/format';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { errorMessage, isStaleVersion } from '@renderer/lib/api';
import { useApiMutation } from '@renderer/lib/query';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * One chapter's introductory text. The hint is only a placeholder: an empty chapter prints its tables
 * and nothing pretends to be the team's words. Until the user types, the editor shows the stored text
 * (a colleague's save shows up by itself); from the first keystroke it keeps what the user wrote, and
 * the save names the version it was written on, so a colleague's newer text is never overwritten unseen.
 */
export function SectionTextEditor({ year, section }: { year: number; section: AnnualReportTextDto }) {
  const styles = useStyles();
  // null: untouched, follow the stored text.
  const [draft, setDraft] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const save = useApiMutation('annual-report:save-text');
  const edited = useEditedVersion(section.version, stale);
  const text = draft ?? section.text ?? '';
  const changed = text.trim() !== (section.text ?? '');
  const onSave = () => {
    setStale(false);
    void save.mutateAsync({ year, section: section.section, text, version: edited.version() }).then(
      () => {
        setDraft(null);
        edited.saved();
      },
      (error: unknown) => setStale(isStaleVersion(error)),
    );
  };
  return (
    <div className={styles.editor}>
      <Field label={section.heading} hint={`${REPORT_TEXT_HELP} ${FREE_TEXT_REMINDER}`}>
        <Textarea
          value={text}
          onChange={(_e, data) => {
            edited.touch();
            setDraft(data.value);
          }}
          placeholder={section.hint}
          maxLength={ANNUAL_REPORT_TEXT_MAX_LENGTH}
          resize="vertical"
          rows={4}
        />
      </Field>
      <div className={styles.actions}>
        <Button disabled={!changed || save.isPending} onClick={onSave}>
          Lagre teksten
        </Button>
        <span className={styles.meta} aria-live="polite">
          {section.updatedAt
            ? `Lagret ${formatNorwegianDateTime(section.updatedAt)}${section.updatedBy ? ` av ${section.updatedBy}` : ''}`
            : 'Ikke skrevet ennå'}
        </span>
      </div>
      <FormErrorMessage message={save.error ? errorMessage(save.error) : null} stale={stale} />
    </div>
  );
}
