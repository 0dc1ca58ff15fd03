/**
 * The words of a case's life (institution kinds, closure reasons, goal statuses, life-domain levels) and
 * of the partner directory. Stored values are ASCII identifiers; labels are what the team reads.
 */
export const INSTITUTION_KINDS = ['behandlingsinstitusjon', 'sykehus_dps', 'fengsel', 'annet'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABEL: Record<InstitutionKind, string> = {
  behandlingsinstitusjon: 'Behandlingsinstitusjon',
  sykehus_dps: 'Sykehus/DPS',
  fengsel: 'Fengsel',
  annet: 'Annet',
};

export const CLOSURE_REASONS = ['mal_naadd', 'overfort', 'bruker_avsluttet', 'flyttet', 'annet'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABEL: Record<ClosureReason, string> = {
  mal_naadd: 'Målene er nådd',
  overfort: 'Overført til kommunen',
  bruker_avsluttet: 'Brukeren avsluttet',
  flyttet: 'Brukeren flyttet',
  annet: 'Annet',
};

export const GOAL_STATUSES = ['ikke_startet', 'pagar', 'naadd', 'avbrutt'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABEL: Record<GoalStatus, string> = {
  ikke_startet: 'Ikke startet',
  pagar: 'Pågår',
  naadd: 'Nådd',
  avbrutt: 'Avbrutt',
};

/** When the life domains are rated: at start, at closure, and at the three-month contact. */
export const RATING_OCCASIONS = ['start', 'avslutning', 'etteroppfolging'] as const;
export type RatingOccasion = (typeof RATING_OCCASIONS)[number];
export const RATING_OCCASION_LABEL: Record<RatingOccasion, string> = {
  start: 'Ved start',
  avslutning: 'Ved avslutning',
  etteroppfolging: 'Etter tre måneder',
};

export const RATING_LEVELS = [1, 2, 3] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LEVEL_LABEL: Record<RatingLevel, string> = { 1: 'Krevende', 2: 'Delvis på plass', 3: 'På plass' };
export const RATING_LEVEL_EXPLANATION: Record<RatingLevel, string> = {
  1: 'Området er ustabilt og trenger mye hjelp nå.',
  2: 'Noe fungerer, men det trengs fortsatt støtte.',
  3: 'Området fungerer stort sett uten hjelp fra teamet.',
};

export const DEFAULT_LIFE_DOMAINS = [
  'Bolig',
  'Økonomi',
  'Arbeid og aktivitet',
  'Rusbruk',
  'Psykisk helse',
  'Fysisk helse',
  'Sosialt nettverk',
  'Daglig fungering',
] as const;

export const CONTACT_KINDS = [
  'nav',
  'boligkontor',
  'tildelingskontor',
  'legekontor',
  'rus_psykisk_helse',
  'dps_sykehus',
  'behandlingsinstitusjon',
  'kriminalomsorgen',
  'kommunepsykolog',
  'annet',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABEL: Record<ContactKind, string> = {
  nav: 'NAV',
  boligkontor: 'Boligkontor',
  tildelingskontor: 'Tildelingskontor',
  legekontor: 'Legekontor/fastlege',
  rus_psykisk_helse: 'Rus og psykisk helsetjeneste',
  dps_sykehus: 'DPS/sykehus',
  behandlingsinstitusjon: 'Behandlingsinstitusjon',
  kriminalomsorgen: 'Kriminalomsorgen',
  kommunepsykolog: 'Kommunepsykolog',
  annet: 'Annet',
};

/** Where an organisation belongs: one of the nine (municipalityId), another municipality (named), or the region. */
export const CONTACT_AREAS = ['member', 'other', 'regional'] as const;
export type ContactArea = (typeof CONTACT_AREAS)[number];
export const CONTACT_AREA_LABEL: Record<ContactArea, string> = {
  member: 'Kommune i samarbeidet',
  other: 'Annen kommune',
  regional: 'Regional',
};

export const CASE_CONTACT_ROLES = ['oppdragsgiver', 'henviser', 'samarbeidspartner', 'overtar'] as const;
export type CaseContactRole = (typeof CASE_CONTACT_ROLES)[number];
export const CASE_CONTACT_ROLE_LABEL: Record<CaseContactRole, string> = {
  oppdragsgiver: 'Oppdragsgiver',
  henviser: 'Henviser',
  samarbeidspartner: 'Samarbeidspartner',
  overtar: 'Overtar oppfølging',
};

export const NETWORK_KINDS = ['informasjonsmote', 'samarbeidsmote', 'fagnettverk', 'konferanse', 'hospitering'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];
export const NETWORK_KIND_LABEL: Record<NetworkKind, string> = {
  informasjonsmote: 'Informasjonsmøte',
  samarbeidsmote: 'Samarbeidsmøte',
  fagnettverk: 'Fagnettverk',
  konferanse: 'Konferanse/presentasjon',
  hospitering: 'Hospitering',
};

/** Statuses in which a case takes the team's time: it counts in a staff member's caseload. */
export const ACTIVE_CASE_STATUSES = ['henvist', 'institusjonsfase', 'oppfolging'] as const;

/** The reminder shown beside every free-text field about a case. */
export const NO_HEALTH_DETAILS = 'Skriv kort og uten helseopplysninger, navn eller andre personopplysninger.';

export const FREE_TEXT_MAX = 200;
