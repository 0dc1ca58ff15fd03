/**
 * The ten activity categories (Hendelse) of the team's time sheet, numbered as the team numbers them.
 * Seed for a fresh database; a category can later be retired (the team stopped logging
 * Administrasjonsarbeid in 2021) but never deleted once time has been logged on it.
 */
export interface CategorySeed {
  number: number;
  name: string;
  description: string;
  /** Counts as work on a case (a case may be chosen) rather than shared work. */
  caseWork: boolean;
}

export const CATEGORY_SEED: readonly CategorySeed[] = [
  { number: 1, name: 'Brukeroppfølging', caseWork: true, description: 'Personlig kontakt, telefon/sms, praktisk bistand, for- og etterarbeid for en bruker.' },
  { number: 2, name: 'Kjøring', caseWork: true, description: 'Kjøring til og fra brukere, med bruker til ærend og avtaler, og til samarbeidspartnere.' },
  {
    number: 3,
    name: 'Samarbeidspartnere',
    caseWork: true,
    description: 'Tildelingskontor, boligkontor, NAV, kommunale tjenester, institusjoner, sykehus, kriminalomsorgen m.fl.',
  },
  { number: 4, name: 'Institusjon bruker', caseWork: true, description: 'Tid brukt på en bruker før endt opphold i institusjon eller soning.' },
  {
    number: 5,
    name: 'Administrasjonsarbeid',
    caseWork: false,
    description: 'Dokumentasjon av ressursbruk, planarbeid, telefon, e-post, journal, månedsrapporter, evaluering.',
  },
  { number: 6, name: 'Overnatting', caseWork: true, description: 'Overnatting i forbindelse med oppfølging.' },
  { number: 7, name: 'Nettverksarbeid', caseWork: false, description: 'Nettverksbygging mot kommuner, institusjoner og samarbeidspartnere.' },
  { number: 8, name: 'Veiledning fra prosjektleder', caseWork: false, description: 'Veiledning.' },
  { number: 9, name: 'Erfaringskonsulent', caseWork: true, description: 'Arbeid av erfaringskonsulent.' },
  { number: 10, name: 'Ikke møtt', caseWork: true, description: 'Tid satt av til en bruker som ikke møtte og ikke ga beskjed.' },
];
