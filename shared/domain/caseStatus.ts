/** Case statuses. The full lifecycle arrives with the case issue; the values are fixed here so the schema holds them. */
export const CASE_STATUSES = [
  'henvist',
  'avvist',
  'institusjonsfase',
  'oppfolging',
  'avsluttet',
  'etteroppfolging_utfort',
  'importert',
] as const;

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
