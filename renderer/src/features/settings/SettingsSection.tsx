import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SectionCard } from '@renderer/components/SectionCard';

// The settings page's side list takes the left; the section uses the rest of a laptop's width.
const useStyles = makeStyles({ narrow: { maxWidth: '960px' } });

/** One titled card on the settings page; every group of settings uses it so the page reads as one. */
export function SettingsSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <SectionCard className={styles.narrow} title={title} {...(description ? { description } : {})}>
      {children}
    </SectionCard>
  );
}
