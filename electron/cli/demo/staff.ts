import type { TeamRole } from '@shared/domain/caseStatus';

/**
 * The demo team: a project leader (administrator) and four milieu therapists, as in the founding plan.
 * Invented staff names (never service users); æ, ø and å on purpose, so sorting shows in the demo.
 */
export interface DemoStaffMember {
  username: string;
  displayName: string;
  initials: string;
  role: TeamRole;
  /** Logs Erfaringskonsulent time: the team's member with lived experience. */
  peerSupport?: boolean;
}

/**
 * Every demo member's password, printed by the `demo` command. A demo database is for trying the app
 * and for tests; never put real data in one.
 */
export const DEMO_PASSWORD = 'ettervern-demo';

export const DEMO_PROJECT_LEADER: DemoStaffMember = {
  username: 'ragnhild.aasen',
  displayName: 'Ragnhild Aasen',
  initials: 'RA',
  role: 'administrator',
};

export const DEMO_THERAPISTS: readonly DemoStaffMember[] = [
  { username: 'oystein.berg', displayName: 'Øystein Berg', initials: 'ØB', role: 'teammedlem' },
  { username: 'siri.kristoffersen', displayName: 'Siri Kristoffersen', initials: 'SK', role: 'teammedlem' },
  { username: 'ase.mikalsen', displayName: 'Åse Mikalsen', initials: 'ÅM', role: 'teammedlem' },
  { username: 'tommy.nordli', displayName: 'Tommy Nordli', initials: 'TN', role: 'teammedlem', peerSupport: true },
];
