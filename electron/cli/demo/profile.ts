/**
 * How the team's work spreads over the municipalities, modelled on the 2020 annual report (10 of 15
 * cases in Fauske, then Saltdal, Meløy, Gildeskål and Beiarn) and on driving distances from the office
 * in Fauske. Shared by the demo generator and the benchmark database.
 */
export interface MunicipalityProfile {
  name: string;
  /** Relative share of referrals. */
  referralWeight: number;
  /** Round trip from Fauske, in hours (min, max). */
  driveHours: readonly [number, number];
  /** Far enough that a visit now and then needs a night away. */
  overnight: boolean;
}

export const MUNICIPALITY_PROFILE: readonly MunicipalityProfile[] = [
  { name: 'Fauske', referralWeight: 10, driveHours: [0.5, 1], overnight: false },
  { name: 'Saltdal', referralWeight: 2, driveHours: [0.5, 1.5], overnight: false },
  { name: 'Meløy', referralWeight: 1.2, driveHours: [4, 5.5], overnight: true },
  { name: 'Gildeskål', referralWeight: 1.1, driveHours: [3, 4], overnight: false },
  { name: 'Beiarn', referralWeight: 1, driveHours: [2.5, 3.5], overnight: false },
  { name: 'Steigen', referralWeight: 0.6, driveHours: [4, 5.5], overnight: true },
  { name: 'Sørfold', referralWeight: 0.5, driveHours: [1, 1.5], overnight: false },
  { name: 'Hamarøy', referralWeight: 0.5, driveHours: [4, 5.5], overnight: true },
  { name: 'Rødøy', referralWeight: 0.6, driveHours: [5, 7], overnight: true },
];

/** The names the generator relies on, as seeded by the first migration. */
export const CATEGORY = {
  followUp: 'Brukeroppfølging',
  driving: 'Kjøring',
  partners: 'Samarbeidspartnere',
  institution: 'Institusjon bruker',
  administration: 'Administrasjonsarbeid',
  overnight: 'Overnatting',
  network: 'Nettverksarbeid',
  supervision: 'Veiledning fra prosjektleder',
  peerSupport: 'Erfaringskonsulent',
  noShow: 'Ikke møtt',
} as const;

export type CategoryKey = keyof typeof CATEGORY;

export const OTHER_MUNICIPALITIES = 'Andre kommuner';
export const SHARED_WORK = 'Felles';

/** The team stopped logging administration after its first year (annual report 2020). */
export const LAST_ADMINISTRATION_YEAR = 2020;
export const FIRST_DEMO_YEAR = 2020;
