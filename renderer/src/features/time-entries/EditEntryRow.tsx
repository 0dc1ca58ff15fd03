import { Button, Input, TableCell, TableRow, makeStyles } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { useState, type KeyboardEvent } from 'react';
import type { TimeEntryDto } from '@shared/contract';
import { isoDateInOslo, parseDateInput } from '@shared/dates';
import { formatHours, formatNorwegianDate } from '@shared/format';
import { ApiCallError, errorMessage, isStaleVersion } from '@renderer/lib/api';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { resolveChoice } from './resolveChoice';
import { ConfirmQuestion, entryQuestion, type EntryQuestion } from './ConfirmQuestion';

const useStyles = makeStyles({ input: { width: '100%', minWidth: 0 }, error: { color: 'var(--colorPaletteRedForeground1)' } });

/**
 * The row turned into inputs: Enter saves, Escape leaves it as it was. Participants are kept as they are.
 * Text is resolved as in the entry row (Hendelse by number or name).
 */
export function EditEntryRow({ entry, columnCount, onDone }: { entry: TimeEntryDto; columnCount: number; onDone: () => void }) {
  const styles = useStyles();
  const update = useApiMutation('time-entries:update');
  const municipalities = useApiQuery('municipalities:list', {}, { staleTime: Infinity }).data ?? [];
  const categories = useApiQuery('categories:list', { includeRetired: true }, { staleTime: Infinity }).data ?? [];
  const [values, setValues] = useState({
    date: formatNorwegianDate(entry.date),
    caseCode: entry.caseCode ?? '',
    municipality: entry.municipalityName,
    category: `${entry.categoryNumber} ${entry.categoryName}`,
    hours: formatHours(entry.minutes),
    reason: entry.municipalityOverrideReason ?? '',
  });
  const [question, setQuestion] = useState<EntryQuestion | null>(null);
  // Shown when the entry already has a reason, or once the service asks for one.
  const [askReason, setAskReason] = useState(entry.municipalityOverrideReason !== null);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  // The row went into edit mode when it mounted: that is the version a save sends.
  const edited = useEditedVersion(entry.version, stale);
  const set = (key: keyof typeof values) => (_e: unknown, data: { value: string }) => setValues((v) => ({ ...v, [key]: data.value }));

  const save = async (flags: EntryQuestion['flags'] = {}) => {
    const municipality = resolveChoice(values.municipality, municipalities);
    const category = resolveChoice(values.category, categories);
    if (!municipality) return setError('Ukjent kommune');
    if (!category) return setError('Ukjent hendelse');
    setStale(false);
    setQuestion(null);
    try {
      await update.mutateAsync({
        id: entry.id,
        version: edited.version(),
        date: parseDateInput(values.date, isoDateInOslo(new Date())) ?? values.date,
        caseCode: values.caseCode.trim() || null,
        municipalityId: municipality.id,
        categoryId: category.id,
        hours: values.hours,
        participantIds: entry.participants.map((p) => p.id),
        municipalityOverrideReason: askReason ? values.reason : null,
        ...flags,
      });
      onDone();
    } catch (failure) {
      const asked = entryQuestion(failure);
      if (asked) {
        setError(null);
        setQuestion({ ...asked, flags: { ...flags, ...asked.flags } });
        return;
      }
      if (failure instanceof ApiCallError && 'municipalityOverrideReason' in failure.fieldErrors) setAskReason(true);
      setError(errorMessage(failure));
      setStale(isStaleVersion(failure));
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') void save();
    if (event.key === 'Escape') onDone();
  };
  const field = (key: keyof typeof values, label: string) => (
    <TableCell>
      <Input
        className={styles.input}
        size="small"
        aria-label={label}
        value={values[key]}
        onChange={set(key)}
        onKeyDown={onKeyDown}
        autoFocus={key === 'hours'}
      />
    </TableCell>
  );
  return (
    <>
      <TableRow>
        {field('date', 'Endre dato')}
        {field('caseCode', 'Endre sak')}
        {field('municipality', 'Endre kommune')}
        {field('category', 'Endre hendelse')}
        {field('hours', 'Endre tidsbruk')}
        <TableCell>{entry.participants.map((p) => p.initials).join(', ')}</TableCell>
        <TableCell>
          <Button size="small" appearance="subtle" icon={<CheckmarkRegular />} aria-label="Lagre endringen" onClick={() => void save(question?.flags)} />
          <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label="Avbryt endringen" onClick={onDone} />
        </TableCell>
      </TableRow>
      {askReason ? (
        <TableRow>
          <TableCell colSpan={columnCount}>
            <Input
              className={styles.input}
              size="small"
              aria-label="Begrunnelse for annen kommune enn sakens"
              placeholder="Begrunnelse for annen kommune enn sakens"
              maxLength={200}
              value={values.reason}
              onChange={set('reason')}
              onKeyDown={onKeyDown}
            />
          </TableCell>
        </TableRow>
      ) : null}
      {question ? (
        <TableRow>
          <TableCell colSpan={columnCount}>
            <ConfirmQuestion question={question} onConfirm={() => void save(question.flags)} onCancel={() => setQuestion(null)} />
          </TableCell>
        </TableRow>
      ) : null}
      {error ? (
        <TableRow>
          <TableCell colSpan={columnCount} role="alert" className={stale ? undefined : styles.error}>
            {stale ? <FormErrorMessage message={error} stale /> : error}
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}
