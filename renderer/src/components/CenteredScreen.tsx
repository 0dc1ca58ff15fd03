import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { width: '440px', maxWidth: '100%', padding: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalL },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  brandIcon: { fontSize: '28px' },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** The screens before the app proper (first member, choosing who you are, a missing bridge). */
export function CenteredScreen({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <div className={styles.brand}>
          <PeopleTeamRegular className={styles.brandIcon} aria-hidden />
          <Text size={400} weight="semibold">
            Ettervern
          </Text>
        </div>
        <Text as="h1" size={700} weight="semibold" className={styles.title}>
          {title}
        </Text>
        {intro ? <Text className={styles.intro}>{intro}</Text> : null}
        {children}
      </Card>
    </main>
  );
}
