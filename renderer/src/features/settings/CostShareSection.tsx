import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
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
import { useEffect, useRef, useState } from 'react';
import type { CostShareSettingsDto } from '@shared/contract';
import { POPULATION_BAND_LABELS } from '@shared/domain/costShareModels';
import { formatNorwegianDate } from '@shared/format';
import { ErrorMessage, FormErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { isStaleVersion } from '@renderer/lib/api';
import { focusFirstInvalid, placeApiError } from '@renderer/lib/formErrors';
import { currentYear } from '@renderer/lib/dates';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  number: { width: '140px' },
  small: { width: '90px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Draft {
  budget: string;
  baseAmount: string;
  bandRates: [string, string, string, string];
  hourlyRate: string;
  municipalities: { municipalityId: number; population: string; extraHours: string }[];
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value).replace('.', ','));

function draftOf(settings: CostShareSettingsDto): Draft {
  const p = settings.parameters;
  return {
    budget: text(p?.budget),
    baseAmount: text(p?.baseAmount ?? 0),
    // The founding plan's falling rates as a starting point; only their ratios matter.
    bandRates: (p?.bandRates ?? [1, 0.8, 0.6, 0.4]).map(text) as Draft['bandRates'],
    hourlyRate: text(p?.hourlyRate ?? 0),
    municipalities: settings.municipalities.map((m) => ({ municipalityId: m.municipalityId, population: text(m.population), extraHours: text(m.extraHours) })),
  };
}

/** «1 234,5» → 1234.5; empty → null; anything else → NaN (refused before sending). */
function parseNumber(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return cleaned === '' ? null : Number(cleaned);
}

/** The contract's path of each field in the form, so the form's own checks and the service's land alike. */
const PARAMETER_PATHS = { budget: 'parameters.budget', baseAmount: 'parameters.baseAmount', hourlyRate: 'parameters.hourlyRate' } as const;
const bandPath = (i: number) => `parameters.bandRates.${i}`;
const municipalityPath = (index: number, key: 'population' | 'extraHours') => `municipalities.${index}.${key}`;

/**
 * What the form can tell before sending: each field that is not a number, at its own path. Messages
 * name the field (and the municipality, reference data), never what was typed.
 */
function numberProblems(draft: Draft, names: string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const required = (path: string, value: string, label: string) => {
    const n = parseNumber(value);
    if (n === null) problems[path] = `Fyll inn ${label}`;
    else if (Number.isNaN(n)) problems[path] = `Skriv ${label} som et tall`;
  };
  required(PARAMETER_PATHS.budget, draft.budget, 'budsjettet');
  required(PARAMETER_PATHS.baseAmount, draft.baseAmount, 'grunnbeløpet');
  required(PARAMETER_PATHS.hourlyRate, draft.hourlyRate, 'timeprisen');
  draft.bandRates.forEach((rate, i) => required(bandPath(i), rate, 'satsen'));
  draft.municipalities.forEach((m, i) => {
    if (Number.isNaN(parseNumber(m.population))) problems[municipalityPath(i, 'population')] = `Skriv folketallet for ${names[i] ?? 'kommunen'} som et tall`;
    if (Number.isNaN(parseNumber(m.extraHours))) problems[municipalityPath(i, 'extraHours')] = `Skriv ekstra timer for ${names[i] ?? 'kommunen'} som et tall`;
  });
  return problems;
}

/** Every field's contract path, in the order they stand on the screen (the first invalid one gets the focus). */
function allPaths(draft: Draft): string[] {
  return [
    PARAMETER_PATHS.budget,
    PARAMETER_PATHS.baseAmount,
    PARAMETER_PATHS.hourlyRate,
    ...draft.bandRates.map((_r, i) => bandPath(i)),
    ...draft.municipalities.flatMap((_m, i) => [municipalityPath(i, 'population'), municipalityPath(i, 'extraHours')]),
  ];
}

/**
 * Kostnadsfordeling: per year the budget, the models' parameters, and each member municipality's
 * population and extra hours. The administrator edits; the team reads.
 */
export function CostShareSection({ canEdit, initialYear }: { canEdit: boolean; initialYear?: number | null }) {
  const styles = useStyles();
  // A link from Statistikk («mangler innbyggertall» for 2019) opens the year it was about.
  const [year, setYear] = useState(initialYear ?? currentYear());
  const [yearText, setYearText] = useState(String(initialYear ?? currentYear()));
  const settings = useApiQuery('cost-share:get-settings', { year });
  const save = useApiMutation('cost-share:save-settings');
  const [draft, setDraft] = useState<Draft | null>(null);
  // Field errors by contract path (the form's own checks, then the service's), and what has no field.
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLDivElement>(null);
  // Once the administrator changes a field, the form keeps what they typed: a colleague's save (shown
  // by itself) must not wipe it, and the save names the version it was typed on.
  const [touched, setTouched] = useState(false);
  const [stale, setStale] = useState(false);
  const edited = useEditedVersion(settings.data?.version ?? 1, stale);

  useEffect(() => {
    if (settings.data && !touched) setDraft(draftOf(settings.data));
  }, [settings.data, touched]);
  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(formRef.current);
  }, [attempt]);

  const onSave = async () => {
    if (!draft || !settings.data) return;
    setErrors({});
    setBanner(null);
    setStale(false);
    save.reset();
    const names = draft.municipalities.map((d) => settings.data?.municipalities.find((m) => m.municipalityId === d.municipalityId)?.municipality ?? '');
    const problems = numberProblems(draft, names);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setAttempt((n) => n + 1);
      return;
    }
    const budget = parseNumber(draft.budget);
    const municipalities = draft.municipalities.map((m) => ({
      municipalityId: m.municipalityId,
      population: parseNumber(m.population),
      extraHours: parseNumber(m.extraHours) ?? 0,
    }));
    await save
      .mutateAsync({
        year,
        version: edited.version(),
        parameters: {
          budget: budget!,
          baseAmount: parseNumber(draft.baseAmount)!,
          bandRates: draft.bandRates.map((r) => parseNumber(r)!) as [number, number, number, number],
          hourlyRate: parseNumber(draft.hourlyRate)!,
        },
        municipalities,
      })
      .then(
        () => {
          setTouched(false);
          edited.saved();
        },
        (error: unknown) => {
          setStale(isStaleVersion(error));
          const placed = placeApiError(error, allPaths(draft));
          setErrors(placed.atFields);
          setBanner(placed.banner);
          setAttempt((n) => n + 1);
        },
      );
  };

  const touch = () => {
    edited.touch();
    setTouched(true);
  };
  // Editing a field takes its message away; the others stay until the next save.
  const clearError = (path: string) =>
    setErrors((old) => {
      if (!(path in old)) return old;
      const { [path]: _cleared, ...rest } = old;
      return rest;
    });
  const setField = (patch: Partial<Draft>, path: string) => {
    clearError(path);
    touch();
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };
  const setMunicipality = (id: number, patch: Partial<Draft['municipalities'][number]>, path: string) => {
    clearError(path);
    touch();
    setDraft((d) => (d ? { ...d, municipalities: d.municipalities.map((m) => (m.municipalityId === id ? { ...m, ...patch } : m)) } : d));
  };

  return (
    <SettingsSection
      title="Kostnadsfordeling"
      description="Budsjett, modellparametre og folketall per år, til sammenligningen av kostnad og hjelp under Statistikk. Folketallene er forhåndsutfylt med omtrentlige tall fra SSB (1. januar) – kontroller dem."
    >
      <div className={styles.form} ref={formRef}>
        {!canEdit ? <Text>Bare en administrator kan endre kostnadsfordelingen.</Text> : null}
        <Field label="Budsjettår">
          <Input
            className={styles.small}
            type="number"
            value={yearText}
            onChange={(_e, data) => {
              setYearText(data.value);
              const parsed = Number(data.value);
              if (Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 && parsed !== year) {
                // Another year is another form: it starts from what is stored.
                setYear(parsed);
                setTouched(false);
                setStale(false);
                setErrors({});
                setBanner(null);
                save.reset();
                edited.saved();
              }
            }}
          />
        </Field>
        {settings.error ? <ErrorMessage error={settings.error} /> : null}
        {!draft || settings.isPending ? <Loading label="Henter kostnadsfordelingen …" /> : null}
        {draft && settings.data ? (
          <>
            <div className={styles.row}>
              <Field label="Budsjett (kr)" hint="Det kommunene til sammen betaler dette året." validationMessage={errors[PARAMETER_PATHS.budget]}>
                <Input
                  className={styles.number}
                  inputMode="decimal"
                  value={draft.budget}
                  disabled={!canEdit}
                  onChange={(_e, d) => setField({ budget: d.value }, PARAMETER_PATHS.budget)}
                />
              </Field>
              <Field label="Grunnbeløp per kommune (kr)" hint="Modell 1 og 3." validationMessage={errors[PARAMETER_PATHS.baseAmount]}>
                <Input
                  className={styles.number}
                  inputMode="decimal"
                  value={draft.baseAmount}
                  disabled={!canEdit}
                  onChange={(_e, d) => setField({ baseAmount: d.value }, PARAMETER_PATHS.baseAmount)}
                />
              </Field>
              <Field label="Timepris ekstratjenester (kr)" hint="Modell 3." validationMessage={errors[PARAMETER_PATHS.hourlyRate]}>
                <Input
                  className={styles.number}
                  inputMode="decimal"
                  value={draft.hourlyRate}
                  disabled={!canEdit}
                  onChange={(_e, d) => setField({ hourlyRate: d.value }, PARAMETER_PATHS.hourlyRate)}
                />
              </Field>
            </div>
            <div className={styles.row} role="group" aria-label="Satser per innbygger (modell 2)">
              {POPULATION_BAND_LABELS.map((label, i) => (
                <Field
                  key={label}
                  label={`Sats ${label} innb.`}
                  hint={i === 0 ? 'Modell 2, relative satser.' : undefined}
                  validationMessage={errors[bandPath(i)]}
                >
                  <Input
                    className={styles.small}
                    inputMode="decimal"
                    value={draft.bandRates[i]}
                    disabled={!canEdit}
                    onChange={(_e, d) => setField({ bandRates: draft.bandRates.map((r, j) => (j === i ? d.value : r)) as Draft['bandRates'] }, bandPath(i))}
                  />
                </Field>
              ))}
            </div>
            <Table size="small" aria-label={`Folketall og ekstra timer ${year}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Kommune</TableHeaderCell>
                  <TableHeaderCell>Folketall (innbyggere)</TableHeaderCell>
                  <TableHeaderCell>Ekstra timer kjøpt (timer)</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {settings.data.municipalities.map((m) => {
                  const index = draft.municipalities.findIndex((d) => d.municipalityId === m.municipalityId);
                  const row = draft.municipalities[index]!;
                  const populationPath = municipalityPath(index, 'population');
                  const extraHoursPath = municipalityPath(index, 'extraHours');
                  const joined = m.memberFrom && m.memberFrom > `${year}-01-01` ? ` (med fra ${formatNorwegianDate(m.memberFrom)})` : '';
                  return (
                    <TableRow key={m.municipalityId}>
                      <TableCell>
                        {m.municipality}
                        {joined}
                      </TableCell>
                      <TableCell>
                        {/* A Field without a label: the column header and the input's own name say what it is. */}
                        <Field validationMessage={errors[populationPath]}>
                          <Input
                            className={styles.number}
                            inputMode="numeric"
                            aria-label={`Folketall ${m.municipality}`}
                            value={row.population}
                            disabled={!canEdit}
                            onChange={(_e, d) => setMunicipality(m.municipalityId, { population: d.value }, populationPath)}
                          />
                        </Field>
                      </TableCell>
                      <TableCell>
                        <Field validationMessage={errors[extraHoursPath]}>
                          <Input
                            className={styles.small}
                            inputMode="decimal"
                            aria-label={`Ekstra timer ${m.municipality}`}
                            value={row.extraHours}
                            disabled={!canEdit}
                            onChange={(_e, d) => setMunicipality(m.municipalityId, { extraHours: d.value }, extraHoursPath)}
                          />
                        </Field>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <FormErrorMessage message={banner} stale={stale} />
            {save.isSuccess ? (
              <MessageBar intent="success">
                <MessageBarBody>Kostnadsfordelingen for {year} er lagret.</MessageBarBody>
              </MessageBar>
            ) : null}
            {canEdit ? (
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => void onSave()} disabled={save.isPending}>
                  Lagre kostnadsfordeling
                </Button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </SettingsSection>
  );
}
