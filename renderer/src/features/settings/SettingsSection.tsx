import { Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, maxWidth: '760px' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** One titled card on the settings page; every group of settings uses it so the page reads as one. */
export function SettingsSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} role="region" aria-label={title}>
      <CardHeader
        header={
          <Text as="h2" size={500} weight="semibold">
            {title}
          </Text>
        }
        description={description ? <Text>{description}</Text> : undefined}
      />
      <div className={styles.body}>{children}</div>
    </Card>
  );
}
