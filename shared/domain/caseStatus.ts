/**
 * A case's statuses, as stored in cases.status and the timeline. Which lifecycle step leads from one to
 * another is the transition table in caseTransitions.ts. `importert`: a case created by importing the
 * old time sheet, whose history before that is unknown.
 */
export const CASE_STATUSES = ['henvist', 'avvist', 'institusjonsfase', 'oppfolging', 'avsluttet', 'etteroppfolging_utfort', 'importert'] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  henvist: 'Henvist',
  avvist: 'Avvist',
  institusjonsfase: 'Institusjonsfase',
  oppfolging: 'Oppfølging',
  avsluttet: 'Avsluttet',
  etteroppfolging_utfort: 'Etteroppfølging utført',
  importert: 'Importert',
};

export const TEAM_ROLES = ['teammedlem', 'administrator'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABEL: Record<TeamRole, string> = {
  teammedlem: 'Teammedlem',
  administrator: 'Administrator',
};
