import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId } from 'react';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { useHashParam } from '@renderer/lib/hashRoute';
import { useApiQuery } from '@renderer/lib/query';
import { settingsTarget } from '@renderer/lib/settingsLink';
import { BackupSection } from './BackupSection';
import { CostShareSection } from './CostShareSection';
import { GeneralSettingsSection } from './GeneralSettingsSection';
import { LifeDomainsSection } from './LifeDomainsSection';
import { PlaceholdersSection } from './PlaceholdersSection';
import { RetentionSection } from './RetentionSection';
import { TemplatesSection } from './TemplatesSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // A side list of the sections beside the sections themselves: at 1366×768 the page used a 760 px
  // column and left a third of the screen empty, and finding «Oppbevaring» meant scrolling 6,000 px.
  layout: { display: 'grid', gridTemplateColumns: '200px minmax(0, 1fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  side: { position: 'sticky', top: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sideLink: { textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium },
});

const SECTIONS = [
  ['generelt', 'Generelt'],
  ['livsomrader', 'Livsområder'],
  ['maler', 'Maler'],
  ['plassholdere', 'Plassholdere'],
  ['kostnadsfordeling', 'Kostnadsfordeling'],
  ['sikkerhetskopier', 'Sikkerhetskopier'],
  ['oppbevaring', 'Oppbevaring'],
] as const;
type SectionKey = (typeof SECTIONS)[number][0];

/** Innstillinger: one section per group of settings, each saving on its own, reached from a side list. */
export function SettingsPage() {
  const styles = useStyles();
  const settings = useApiQuery('settings:get', {});
  const session = useApiQuery('session:get-current', {});
  const canEdit = session.data?.member?.role === 'administrator';
  const idPrefix = useId();
  const anchor = (key: SectionKey) => `${idPrefix}-${key}`;
  // The URL hash holds the page (#/innstillinger), so the side list scrolls instead of using #anchors.
  const show = (key: SectionKey) => {
    const target = document.getElementById(anchor(key));
    target?.scrollIntoView({ block: 'start' });
    // Keyboard and screen-reader users land in the section they chose, not back at the list.
    target?.focus({ preventScroll: true });
  };
  // Opened from a link to one section (#/innstillinger/kostnadsfordeling/2019): go straight to it.
  const linked = settingsTarget(useHashParam());
  const linkedSection = SECTIONS.find(([key]) => key === linked?.section)?.[0];
  // After the settings have arrived, so the sections above have their height.
  const loaded = settings.data !== undefined;
  useEffect(() => {
    if (linkedSection && loaded) show(linkedSection);
    // Only when the link changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkedSection, loaded]);

  return (
    <div className={styles.stack}>
      <PageHeader title="Innstillinger" description="Det som gjelder for hele teamet." />
      {settings.error ? <ErrorMessage error={settings.error} /> : null}
      {settings.isPending ? <Loading label="Henter innstillinger …" /> : null}
      <div className={styles.layout}>
        <nav className={styles.side} aria-label="Deler av innstillingene">
          {SECTIONS.map(([key, label]) => (
            <Link key={key} as="button" className={styles.sideLink} onClick={() => show(key)}>
              {label}
            </Link>
          ))}
        </nav>
        <div className={styles.stack}>
          <div id={anchor('generelt')} tabIndex={-1}>
            {settings.data ? <GeneralSettingsSection settings={settings.data} canEdit={canEdit} /> : null}
          </div>
          <div id={anchor('livsomrader')} tabIndex={-1}>
            <LifeDomainsSection canEdit={canEdit} />
          </div>
          <div id={anchor('maler')} tabIndex={-1}>
            <TemplatesSection canEdit={canEdit} />
          </div>
          <div id={anchor('plassholdere')} tabIndex={-1}>
            <PlaceholdersSection />
          </div>
          <div id={anchor('kostnadsfordeling')} tabIndex={-1}>
            <CostShareSection canEdit={canEdit} initialYear={linkedSection === 'kostnadsfordeling' ? linked?.year : null} />
          </div>
          <div id={anchor('sikkerhetskopier')} tabIndex={-1}>
            {settings.data ? <BackupSection settings={settings.data} canEdit={canEdit} /> : null}
          </div>
          <div id={anchor('oppbevaring')} tabIndex={-1}>
            {settings.data ? <RetentionSection canEdit={canEdit} /> : null}
          </div>
        </div>
      </div>
    </div>
  );
}
