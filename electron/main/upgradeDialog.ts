import type { MessageBoxOptions } from 'electron';

/** The button index that means «upgrade anyway»; cancelling (Esc, closing the box) answers the other. */
export const UPGRADE_ANYWAY = 1;

/**
 * Asked when this newer Ettervern would migrate the shared file while colleagues have it open (the
 * message names them). Cancel is the default: upgrading stops their Ettervern from saving until they
 * update, so it is a decision, not a click-through.
 */
export function upgradeWithOthersDialog(message: string): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Oppgradere den delte databasen?',
    message,
    detail:
      'Denne versjonen av Ettervern må oppgradere databasen. Etter oppgraderingen kan kollegene ikke lagre før de har oppdatert Ettervern, ' +
      'og det de holder på med uten å ha lagret, må de skrive inn på nytt.',
    buttons: ['Avbryt', 'Oppgrader likevel'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}
