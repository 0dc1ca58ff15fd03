import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { DatabaseBanner as Banner } from './changeWatcher';

const useStyles = makeStyles({ banner: { borderRadius: 0, flex: 'none' } });

/**
 * Above the whole app. «Upgraded» is an error: this version stops writing and only an update helps.
 * «Not available» is a warning that goes away by itself once the shared folder answers again.
 */
export function DatabaseBanner({ banner }: { banner: Banner }) {
  const styles = useStyles();
  if (banner === 'upgraded') {
    return (
      <MessageBar intent="error" layout="multiline" className={styles.banner}>
        <MessageBarBody>
          <MessageBarTitle>Denne versjonen kan ikke lenger lagre</MessageBarTitle>
          Databasen er oppgradert av en nyere versjon. Oppdater Ettervern.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (banner === 'unavailable') {
    return (
      <MessageBar intent="warning" layout="multiline" className={styles.banner}>
        <MessageBarBody>
          <MessageBarTitle>Fellesområdet er ikke tilgjengelig</MessageBarTitle>
          Ettervern får ikke kontakt med den delte databasen (nettverket, VPN eller fellesmappen). Det du ikke har lagret, blir stående. Meldingen forsvinner av
          seg selv når forbindelsen er tilbake.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
