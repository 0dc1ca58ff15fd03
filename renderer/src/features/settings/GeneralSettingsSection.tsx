import { Button, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { SettingsDto } from '@shared/contract';
import { z } from '@shared/validation/zodNorwegian';
import { SETTING_DEFINITIONS } from '@shared/domain/settings';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { applyApiError } from '@renderer/lib/formErrors';
import { isStaleVersion } from '@renderer/lib/api';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { useApiMutation } from '@renderer/lib/query';
import { SettingsSection } from './SettingsSection';

/** The numeric settings every page reads; the other settings have their own sections. */
const NUMBER_SETTINGS = ['followUpWarningWeeks', 'idleLockMinutes', 'retentionYears', 'keepOtherBackupsMonths'] as const;
type NumberSetting = (typeof NUMBER_SETTINGS)[number];
type Values = Record<NumberSetting, number>;

const numberSettingsSchema = z.strictObject({
  followUpWarningWeeks: SETTING_DEFINITIONS.followUpWarningWeeks.schema,
  idleLockMinutes: SETTING_DEFINITIONS.idleLockMinutes.schema,
  retentionYears: SETTING_DEFINITIONS.retentionYears.schema,
  keepOtherBackupsMonths: SETTING_DEFINITIONS.keepOtherBackupsMonths.schema,
});

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { maxWidth: '120px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function GeneralSettingsSection({ settings, canEdit }: { settings: SettingsDto; canEdit: boolean }) {
  const styles = useStyles();
  const update = useApiMutation('settings:update');
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(numberSettingsSchema, undefined, { raw: true }),
    values: {
      followUpWarningWeeks: settings.followUpWarningWeeks,
      idleLockMinutes: settings.idleLockMinutes,
      retentionYears: settings.retentionYears,
      keepOtherBackupsMonths: settings.keepOtherBackupsMonths,
    },
    // What the administrator has typed survives a refresh of the stored settings (a reload after a refusal).
    resetOptions: { keepDirtyValues: true },
  });
  // Editing begins with the first change: until then the form follows the stored settings.
  const edited = useEditedVersion(settings.version, stale);
  if (!form.formState.isDirty) edited.begin();

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setStale(false);
    setSaved(false);
    try {
      await update.mutateAsync({ ...values, version: edited.version() });
      setSaved(true);
    } catch (error) {
      setMessage(applyApiError(error, form.setError, NUMBER_SETTINGS));
      setStale(isStaleVersion(error));
    }
  });

  return (
    <SettingsSection title="Generelt" description={canEdit ? undefined : 'Bare en administrator kan endre innstillingene.'}>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <FormErrorMessage message={message} stale={stale} />
        {NUMBER_SETTINGS.map((key) => (
          <Controller
            key={key}
            control={form.control}
            name={key}
            render={({ field, fieldState }) => (
              <FormField label={SETTING_DEFINITIONS[key].label} hint={SETTING_DEFINITIONS[key].description} validationMessage={fieldState.error?.message}>
                <Input
                  className={styles.number}
                  type="number"
                  name={field.name}
                  value={Number.isNaN(field.value) ? '' : String(field.value)}
                  disabled={!canEdit}
                  onBlur={field.onBlur}
                  onChange={(_e, data) => field.onChange(data.value === '' ? Number.NaN : Number(data.value))}
                />
              </FormField>
            )}
          />
        ))}
        {saved ? (
          <MessageBar intent="success">
            <MessageBarBody>Innstillingene er lagret.</MessageBarBody>
          </MessageBar>
        ) : null}
        {canEdit ? (
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={form.formState.isSubmitting}>
              Lagre innstillinger
            </Button>
          </div>
        ) : null}
      </form>
    </SettingsSection>
  );
}
