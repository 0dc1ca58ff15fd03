import { Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BackupDto } from '@shared/contract';
import { backupContents, backupTitle } from './backupText';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { display: 'flex', flexDirection: 'column' },
  contents: { color: tokens.colorNeutralForeground2 },
  damaged: { color: tokens.colorPaletteRedForeground1 },
});

/** The backups to choose from, newest first; a damaged one is shown but cannot be chosen. */
export function BackupPicker({
  backups,
  value,
  onChange,
  label,
}: {
  backups: readonly BackupDto[];
  value: string | null;
  onChange: (fileName: string) => void;
  label: string;
}) {
  const styles = useStyles();
  return (
    <RadioGroup className={styles.group} aria-label={label} value={value ?? ''} onChange={(_event, data) => onChange(data.value)}>
      {backups.map((backup) => (
        <Radio
          key={backup.fileName}
          value={backup.fileName}
          disabled={!backup.intact}
          label={
            <span className={styles.label}>
              <Text weight="semibold">{backupTitle(backup)}</Text>
              <Text size={200} className={backup.intact ? styles.contents : styles.damaged}>
                {backupContents(backup)}
              </Text>
            </span>
          }
        />
      ))}
    </RadioGroup>
  );
}
