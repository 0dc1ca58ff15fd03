import type { AppDatabase } from '../../../electron/db/open';
import { fixedClock } from '../../../electron/services/context';
import { createDispatcher } from '../../../electron/services/dispatcher';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from '../../support/testDatabase';

/**
 * Two colleagues (Marit, the administrator, and Jonas) and one case they share, 02/20-ST in Steigen
 * referred 04.05.2020 — arranged through the services as the app would, at the given time.
 */
export function arrangeTwoColleagues(now: string): (db: AppDatabase) => Promise<void> {
  return async (db) => {
    const setup = createDispatcher({ db, clock: fixedClock(now), passwordCost: TEST_PASSWORD_COST });
    const must = (result: ReturnType<typeof setup.dispatch>) => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: number };
    };
    const marit = must(
      await setup.dispatchAsync('team-members:create', { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', password: TEST_PASSWORD }),
    );
    setup.session.actor = { id: marit.id, username: 'marit', role: 'administrator' };
    const jonas = must(
      await setup.dispatchAsync('team-members:create', { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB', password: TEST_PASSWORD }),
    );
    const steigen = (db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;
    must(setup.dispatch('cases:create', { municipalityId: steigen, referralDate: '2020-05-04', code: '02/20-ST', staffIds: [marit.id, jonas.id] }));
  };
}
