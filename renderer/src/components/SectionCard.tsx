import { Card, CardHeader, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A titled region of a page (Oversikt, the case page): an h2 the screen reader can jump to. */
export function SectionCard({
  title,
  description,
  action,
  className,
  children,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Card className={mergeClasses(styles.card, className)} role="region" aria-label={title}>
      <CardHeader
        header={
          <Text as="h2" size={500} weight="semibold">
            {title}
          </Text>
        }
        description={description ? <Text>{description}</Text> : undefined}
        action={action ? <>{action}</> : undefined}
      />
      <div className={styles.body}>{children}</div>
    </Card>
  );
}
