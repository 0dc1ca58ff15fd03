import { Button, Card, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular, SaveRegular } from '@fluentui/react-icons';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { TeamMemberDto, TimeEntryDto } from '@shared/contract';
import { isIsoDate } from '@shared/dates';
import { formatHours, formatHoursWithUnit, formatNorwegianDate } from '@shared/format';
import { parseHours } from '@shared/hours';
import { DateInput } from '@renderer/components/DateInput';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { MemberPicker } from '@renderer/components/MemberPicker';
import { errorMessage } from '@renderer/lib/api';
import { applyApiError } from '@renderer/lib/formErrors';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { CaseCombobox } from './CaseCombobox';
import { choiceHint, ChoiceInput } from './ChoiceInput';
import { readLastDate, rememberLastDate } from './lastDate';
import { choiceLabel, resolveChoice } from './resolveChoice';
import { ConfirmQuestion, entryQuestion, type EntryQuestion } from './ConfirmQuestion';
import { lastEntryOf } from './copyLastEntry';

/** Kommune and Hendelse hold the text typed; it becomes an id when the row is saved. */
interface EntryRowValues {
  date: string;
  caseCode: string;
  municipalityId: string;
  categoryId: string;
  hours: string;
  participantIds: number[];
  municipalityOverrideReason: string;
}
const FIELDS = ['date', 'caseCode', 'municipalityId', 'categoryId', 'hours', 'participantIds', 'municipalityOverrideReason'] as const;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // One row like a line of the old sheet; wraps on a narrow window.
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(110px, 1fr) minmax(120px, 1fr) minmax(140px, 1.2fr) minmax(170px, 1.5fr) minmax(80px, 0.7fr) minmax(120px, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  control: { minWidth: 0, width: '100%' },
  // The reason takes a line of its own under the row: it is a sentence, not a cell.
  reason: { gridColumn: '1 / -2' },
  submit: { marginTop: '26px' },
  help: { color: tokens.colorNeutralForeground2, flex: 1, minWidth: '240px' },
});

function emptyRow(member: TeamMemberDto, date = readLastDate()): EntryRowValues {
  return { date, caseCode: '', municipalityId: '', categoryId: '', hours: '', participantIds: [member.id], municipalityOverrideReason: '' };
}

/**
 * One row of the time sheet, for the keyboard: Tab between fields, Enter saves and starts the next row
 * on the same date with the cursor in «Sak». The case fills in its municipality and its staff.
 */
export function TimeEntryForm({ member }: { member: TeamMemberDto }) {
  const styles = useStyles();
  const create = useApiMutation('time-entries:create');
  const municipalities = useApiQuery('municipalities:list', {}, { staleTime: Infinity }).data ?? [];
  const categories = (useApiQuery('categories:list', {}, { staleTime: Infinity }).data ?? []).filter((c) => !c.retired);
  const formRef = useRef<HTMLFormElement>(null);
  const caseRef = useRef<HTMLInputElement>(null);
  const hoursRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<TimeEntryDto | null>(null);
  const [question, setQuestion] = useState<EntryQuestion | null>(null);
  // The answers to the service's last question, sent with the next save of the same row only.
  const confirmed = useRef<EntryQuestion['flags']>({});
  // The case's own municipality, known once a case is picked: another one needs a reason.
  const [caseMunicipalityId, setCaseMunicipalityId] = useState<number | null>(null);
  const { control, handleSubmit, setError, setValue, reset, getValues, formState, watch } = useForm<EntryRowValues>({ defaultValues: emptyRow(member) });
  const submit = () => formRef.current?.requestSubmit();
  const chosenMunicipality = resolveChoice(watch('municipalityId'), municipalities);
  const needsReason =
    (caseMunicipalityId !== null && chosenMunicipality !== undefined && chosenMunicipality.id !== caseMunicipalityId) ||
    formState.errors.municipalityOverrideReason !== undefined;

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    setSaved(null);
    setQuestion(null);
    const municipality = resolveChoice(values.municipalityId, municipalities);
    const category = resolveChoice(values.categoryId, categories);
    const hours = parseHours(values.hours);
    const problems: [keyof EntryRowValues, string][] = [];
    if (!isIsoDate(values.date)) problems.push(['date', 'Datoen er ikke en gyldig dato']);
    if (!municipality) problems.push(['municipalityId', values.municipalityId.trim() ? 'Ukjent kommune: skriv navnet eller velg i lista' : 'Kommune mangler']);
    if (!category) problems.push(['categoryId', values.categoryId.trim() ? 'Ukjent hendelse: skriv 1–10 eller navnet' : 'Hendelse mangler']);
    if (!values.hours.trim()) problems.push(['hours', 'Tidsbruk mangler']);
    else if (!hours.ok) problems.push(['hours', hours.message]);
    if (problems.length > 0 || !municipality || !category) {
      problems.forEach(([field, text], i) => setError(field, { type: 'client', message: text }, { shouldFocus: i === 0 }));
      return;
    }
    try {
      const entry = await create.mutateAsync({
        date: values.date,
        caseCode: values.caseCode.trim() || null,
        municipalityId: municipality.id,
        categoryId: category.id,
        hours: values.hours,
        participantIds: values.participantIds,
        municipalityOverrideReason: needsReason ? values.municipalityOverrideReason : null,
        ...confirmed.current,
      });
      confirmed.current = {};
      rememberLastDate(entry.date);
      setSaved(entry);
      setCaseMunicipalityId(null);
      reset(emptyRow(member, entry.date));
      caseRef.current?.focus();
    } catch (error) {
      const asked = entryQuestion(error);
      if (asked) setQuestion(asked);
      else setMessage(applyApiError(error, setError, FIELDS));
    }
  });
  const confirmAndSave = () => {
    if (question) confirmed.current = { ...confirmed.current, ...question.flags };
    setQuestion(null);
    submit();
  };
  // «Kopier linjen over» / Ctrl+D: the last line again on the date in the form, cursor in Tidsbruk to adjust it.
  const copyLine = async () => {
    setMessage(null);
    try {
      const last = await lastEntryOf(member.id);
      if (!last) {
        setMessage('Du har ingen registreringer å kopiere ennå.');
        return;
      }
      const { entry } = last;
      const place = municipalities.find((m) => m.id === entry.municipalityId);
      const category = categories.find((c) => c.id === entry.categoryId);
      confirmed.current = {};
      setQuestion(null);
      setCaseMunicipalityId(last.caseMunicipalityId);
      reset({
        date: getValues('date'),
        caseCode: entry.caseCode ?? '',
        municipalityId: place ? choiceLabel(place) : entry.municipalityName,
        categoryId: category ? choiceLabel(category) : `${entry.categoryNumber} ${entry.categoryName}`,
        hours: formatHours(entry.minutes),
        participantIds: entry.participants.map((p) => p.id),
        municipalityOverrideReason: entry.municipalityOverrideReason ?? '',
      });
      hoursRef.current?.focus();
      hoursRef.current?.select();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const onFormKey = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key.toLowerCase() === 'd' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      void copyLine();
    }
  };
  const backToRow = () => {
    confirmed.current = {};
    setQuestion(null);
    caseRef.current?.focus();
  };

  return (
    <Card className={styles.card}>
      <div className={styles.top}>
        <Text as="h2" size={500} weight="semibold" className={styles.heading}>
          Ny registrering
        </Text>
        {/* Beside the heading, not under it: the list below gets the line (room on a 1366×768 screen). */}
        <Text size={200} className={styles.help}>
          Tab flytter mellom feltene, Enter lagrer og starter neste rad. Kommune og hendelse: skriv starten av navnet, hendelse også 1–10.
        </Text>
        <Button icon={<CopyRegular />} size="small" onClick={() => void copyLine()} aria-keyshortcuts="Control+D">
          Kopier linjen over (Ctrl+D)
        </Button>
      </div>
      <FormErrorMessage message={message} />
      <ConfirmQuestion question={question} onConfirm={confirmAndSave} onCancel={backToRow} />
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Lagret: {formatNorwegianDate(saved.date)} · {saved.caseCode ?? 'uten sak'} · {saved.categoryName} · {formatHoursWithUnit(saved.minutes)}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <form ref={formRef} onSubmit={onSubmit} onKeyDown={onFormKey} noValidate className={styles.row} aria-label="Ny registrering">
        <Controller
          control={control}
          name="date"
          render={({ field, fieldState }) => (
            <FormField label="Dato" required validationMessage={fieldState.error?.message}>
              <DateInput ref={field.ref} className={styles.control} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="caseCode"
          render={({ field, fieldState }) => (
            <FormField label="Sak" validationMessage={fieldState.error?.message}>
              <CaseCombobox
                ref={(element: HTMLInputElement | null) => {
                  field.ref(element);
                  caseRef.current = element;
                }}
                className={styles.control}
                value={field.value}
                onBlur={field.onBlur}
                onSubmitKey={submit}
                onChange={(code, matched) => {
                  field.onChange(code);
                  setCaseMunicipalityId(matched?.municipalityId ?? null);
                  if (!matched) return;
                  const place = municipalities.find((m) => m.id === matched.municipalityId);
                  if (place) setValue('municipalityId', choiceLabel(place), { shouldValidate: false });
                  // Two go to every case: the one logging, and the case's co-worker(s).
                  const others = matched.staffIds.filter((id) => id !== member.id);
                  if (getValues('participantIds').join() === String(member.id)) setValue('participantIds', [member.id, ...others]);
                }}
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="municipalityId"
          render={({ field, fieldState }) => (
            <FormField
              label="Kommune"
              required
              validationMessage={fieldState.error?.message}
              hint={fieldState.error ? undefined : choiceHint(field.value, municipalities, 'Fylles fra saken')}
            >
              <ChoiceInput
                ref={field.ref}
                className={styles.control}
                choices={municipalities}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="categoryId"
          render={({ field, fieldState }) => (
            <FormField
              label="Hendelse"
              required
              validationMessage={fieldState.error?.message}
              hint={fieldState.error ? undefined : choiceHint(field.value, categories, '1–10 eller navnet')}
            >
              <ChoiceInput
                ref={field.ref}
                className={styles.control}
                placeholder="1–10 eller navn"
                choices={categories}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="hours"
          render={({ field, fieldState }) => (
            <FormField label="Tidsbruk" required validationMessage={fieldState.error?.message}>
              <Input
                ref={(element: HTMLInputElement | null) => {
                  field.ref(element);
                  hoursRef.current = element;
                }}
                name={field.name}
                className={styles.control}
                inputMode="decimal"
                autoComplete="off"
                placeholder="1,5"
                value={field.value}
                onBlur={field.onBlur}
                onChange={(_e, data) => field.onChange(data.value)}
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="participantIds"
          render={({ field, fieldState }) => (
            <FormField label="Deltakere" validationMessage={fieldState.error?.message}>
              <MemberPicker className={styles.control} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
        {needsReason ? (
          <Controller
            control={control}
            name="municipalityOverrideReason"
            render={({ field, fieldState }) => (
              <FormField
                label="Begrunnelse for annen kommune"
                required
                validationMessage={fieldState.error?.message}
                hint={fieldState.error ? undefined : 'Saken hører til en annen kommune: skriv hvorfor'}
                className={styles.reason}
              >
                <Input
                  ref={field.ref}
                  name={field.name}
                  className={styles.control}
                  autoComplete="off"
                  maxLength={200}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(_e, data) => field.onChange(data.value)}
                />
              </FormField>
            )}
          />
        ) : null}
        <Button type="submit" appearance="primary" icon={<SaveRegular />} className={styles.submit} disabled={formState.isSubmitting}>
          Lagre
        </Button>
      </form>
    </Card>
  );
}
