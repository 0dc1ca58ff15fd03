import { NavDrawer, NavDrawerBody, NavItem, makeStyles, tokens } from '@fluentui/react-components';
import { hrefFor } from '@renderer/lib/hashRoute';
import { NAVIGATION, type Route } from './routes';

const useStyles = makeStyles({
  drawer: { height: '100%', width: '200px', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  body: { paddingTop: tokens.spacingVerticalM },
});

/** The left navigation; the links change the URL hash, so the browser's own history works too. */
export function Navigation({ current, isAdmin }: { current: Route; isAdmin: boolean }) {
  const styles = useStyles();
  return (
    <NavDrawer open type="inline" selectedValue={current} aria-label="Hovedmeny" className={styles.drawer}>
      <NavDrawerBody className={styles.body}>
        {NAVIGATION.filter((item) => isAdmin || !item.adminOnly).map(({ route, label, icon: Icon }) => (
          <NavItem key={route} value={route} href={hrefFor(route)} icon={<Icon />}>
            {label}
          </NavItem>
        ))}
      </NavDrawerBody>
    </NavDrawer>
  );
}
