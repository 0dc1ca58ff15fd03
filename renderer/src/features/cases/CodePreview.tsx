import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { isIsoDate } from '@shared/dates';
import { errorMessage } from '@renderer/lib/api';
import { useApiQuery } from '@renderer/lib/query';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '32px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The code the case will get, asked from the service so it matches what «Lagre sak» will store. */
export function CodePreview({ municipalityId, referralDate }: { municipalityId: number | undefined; referralDate: string }) {
  const styles = useStyles();
  const ready = municipalityId !== undefined && isIsoDate(referralDate);
  const query = useApiQuery('cases:next-code', { municipalityId: municipalityId ?? 0, referralDate }, { enabled: ready, staleTime: 0 });
  let content;
  if (!ready) content = <Text className={styles.muted}>Velg kommune og henvisningsdato for å se sakskoden.</Text>;
  else if (query.error) content = <Text className={styles.warning}>{errorMessage(query.error)}</Text>;
  else if (!query.data) content = <Text className={styles.muted}>Finner neste ledige sakskode …</Text>;
  else
    content = (
      <>
        <Text>Saken får sakskode</Text>
        <Badge appearance="tint" size="large" shape="rounded">
          {query.data.code}
        </Badge>
      </>
    );
  return (
    <div className={styles.root} role="status" aria-live="polite">
      {content}
    </div>
  );
}
