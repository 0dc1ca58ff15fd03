import { Button, Input, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TimeEntryDto } from '@shared/contract';
import { isoDateInOslo, parseDateInput } from '@shared/dates';
import { formatHours, formatNorwegianDate } from '@shared/format';
import { ApiCallError, isStaleVersion } from '@renderer/lib/api';
import { focusFirstInvalid, placeApiError } from '@renderer/lib/formErrors';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { resolveChoice } from './resolveChoice';
import { ConfirmQuestion, entryQuestion, type EntryQuestion } from './ConfirmQuestion';

const useStyles = makeStyles({
  input: { width: '100%', minWidth: 0 },
  // A message under one input makes the row taller; the inputs stay level at its top.
  top: { verticalAlign: 'top' },
  fieldMessage: { display: 'block', color: tokens.colorPaletteRedForeground1, marginTop: tokens.spacingVerticalXXS },
});

type Values = { date: string; caseCode: string; municipality: string; category: string; hours: string; reason: string };
type Key = keyof Values;
/** The row's inputs in screen order, and the contract field each one sends. */
const FIELD_OF: Record<Key, string> = {
  date: 'date',
  caseCode: 'caseCode',
  municipality: 'municipalityId',
  category: 'categoryId',
  hours: 'hours',
  reason: 'municipalityOverrideReason',
};
const KEYS = Object.keys(FIELD_OF) as Key[];

/**
 * The row turned into inputs: Enter saves, Escape leaves it as it was. Participants are kept as they are.
 * Text is resolved as in the entry row (Hendelse by number or name).
 */
export function EditEntryRow({ entry, columnCount, onDone }: { entry: TimeEntryDto; columnCount: number; onDone: () => void }) {
  const styles = useStyles();
  const update = useApiMutation('time-entries:update');
  const municipalities = useApiQuery('municipalities:list', {}, { staleTime: Infinity }).data ?? [];
  const categories = useApiQuery('categories:list', { includeRetired: true }, { staleTime: Infinity }).data ?? [];
  const [values, setValues] = useState<Values>({
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
  // Each refused input's message under it (the first refused one focused); what concerns no input in a banner row.
  const [atFields, setAtFields] = useState<Partial<Record<Key, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const rowRef = useRef<HTMLTableRowElement>(null);
  const reasonRef = useRef<HTMLTableRowElement>(null);
  const messageId = useId();
  useEffect(() => {
    if (attempt > 0 && !focusFirstInvalid(rowRef.current)) focusFirstInvalid(reasonRef.current);
  }, [attempt]);
  const refuse = (fields: Partial<Record<Key, string>>, banner: string | null) => {
    setAtFields(fields);
    setError(banner);
    setAttempt((n) => n + 1);
  };
  // The row went into edit mode when it mounted: that is the version a save sends.
  const edited = useEditedVersion(entry.version, stale);
  // Editing an input takes its message away; the others stay until the next save.
  const set = (key: Key) => (_e: unknown, data: { value: string }) => {
    setValues((v) => ({ ...v, [key]: data.value }));
    setAtFields(({ [key]: _gone, ...rest }) => rest);
  };

  const save = async (flags: EntryQuestion['flags'] = {}) => {
    // A new try starts clean: no old banner or message stays beside the new answer.
    setError(null);
    setAtFields({});
    setStale(false);
    const municipality = resolveChoice(values.municipality, municipalities);
    const category = resolveChoice(values.category, categories);
    if (!municipality || !category) {
      return refuse(
        {
          ...(municipality ? {} : { municipality: 'Velg en av kommunene, med navn eller de første bokstavene' }),
          ...(category ? {} : { category: 'Velg en hendelse, med nummer eller navn' }),
        },
        null,
      );
    }
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
        setQuestion({ ...asked, flags: { ...flags, ...asked.flags } });
        return;
      }
      if (failure instanceof ApiCallError && 'municipalityOverrideReason' in failure.fieldErrors) setAskReason(true);
      const placed = placeApiError(
        failure,
        KEYS.map((key) => FIELD_OF[key]),
      );
      const fields: Partial<Record<Key, string>> = {};
      for (const key of KEYS) {
        const message = placed.atFields[FIELD_OF[key]];
        if (message !== undefined) fields[key] = message;
      }
      setStale(isStaleVersion(failure));
      refuse(fields, placed.banner);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') void save();
    if (event.key === 'Escape') onDone();
  };
  /** A refused input: marked, its message below it and named as its description. */
  const invalidProps = (key: Key) => (atFields[key] === undefined ? {} : { 'aria-invalid': true as const, 'aria-describedby': `${messageId}-${key}` });
  const fieldMessage = (key: Key) =>
    atFields[key] === undefined ? null : (
      <Text size={200} id={`${messageId}-${key}`} className={styles.fieldMessage}>
        {atFields[key]}
      </Text>
    );
  const field = (key: Key, label: string) => (
    <TableCell className={styles.top}>
      <Input
        className={styles.input}
        size="small"
        aria-label={label}
        value={values[key]}
        onChange={set(key)}
        onKeyDown={onKeyDown}
        autoFocus={key === 'hours'}
        {...invalidProps(key)}
      />
      {fieldMessage(key)}
    </TableCell>
  );
  return (
    <>
      <TableRow ref={rowRef}>
        {field('date', 'Endre dato')}
        {field('caseCode', 'Endre sak')}
        {field('municipality', 'Endre kommune')}
        {field('category', 'Endre hendelse')}
        {field('hours', 'Endre tidsbruk')}
        <TableCell className={styles.top}>{entry.participants.map((p) => p.initials).join(', ')}</TableCell>
        <TableCell className={styles.top}>
          <Button size="small" appearance="subtle" icon={<CheckmarkRegular />} aria-label="Lagre endringen" onClick={() => void save(question?.flags)} />
          <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label="Avbryt endringen" onClick={onDone} />
        </TableCell>
      </TableRow>
      {askReason ? (
        <TableRow ref={reasonRef}>
          <TableCell colSpan={columnCount}>
            <Input
              {...invalidProps('reason')}
              className={styles.input}
              size="small"
              aria-label="Begrunnelse for annen kommune enn sakens"
              placeholder="Begrunnelse for annen kommune enn sakens"
              maxLength={200}
              value={values.reason}
              onChange={set('reason')}
              onKeyDown={onKeyDown}
            />
            {fieldMessage('reason')}
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
          <TableCell colSpan={columnCount}>
            <FormErrorMessage message={error} stale={stale} />
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}
