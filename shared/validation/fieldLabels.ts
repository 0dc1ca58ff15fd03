/**
 * The one registry of what the user calls each field: validation messages (zodNorwegian.ts), the forms'
 * error texts and the audit log's «Felt som ble endret» (shared/domain/auditFieldLabels.ts adds the names
 * that come from domain lists) all read it, so a field has one name everywhere.
 *
 * `kind` decides how a message asks for the field: a choice says «Velg …», text and dates «Skriv inn …».
 * `ask` is the object of that sentence when the label does not read well there («Velg hvem som vurderte
 * risikoen», not «Velg vurdert av»).
 */
export type FieldKind =
  /** One thing picked from a list or dropdown (an enum, or a record chosen by its id). */
  | 'choice'
  /** Several things picked from a list. */
  | 'choices'
  | 'text'
  | 'date'
  | 'number'
  | 'yesNo'
  /** Which stored record a call is about; the user never types it, so a fault means the page is out of date. */
  | 'record'
  /** A group of fields (a filter, a period); its own faults are rare, its fields speak for themselves. */
  | 'group';

export interface FieldEntry {
  label: string;
  kind: FieldKind;
  ask?: string;
}

const field = (label: string, kind: FieldKind, ask?: string): FieldEntry => (ask ? { label, kind, ask } : { label, kind });

const CONTRACT_FIELDS = {
  id: field('Posten', 'record'),
  version: field('Versjonen', 'record'),
  jobId: field('Importen', 'record'),
  year: field('År', 'number'),
  date: field('Dato', 'date'),
  from: field('Fra dato', 'date'),
  to: field('Til dato', 'date'),
  hours: field('Tidsbruk', 'number'),
  caseCode: field('Sakskode', 'text'),
  code: field('Sakskode', 'text'),
  caseId: field('Sak', 'choice', 'sak'),
  caseIds: field('Saker', 'choices', 'saker'),
  municipalityId: field('Kommune', 'choice', 'kommune'),
  categoryId: field('Hendelse', 'choice', 'hendelse'),
  teamMemberId: field('Teammedlem', 'choice', 'teammedlem'),
  participantIds: field('Deltakere', 'choices', 'deltakere'),
  referralDate: field('Henvisningsdato', 'date'),
  municipalityOverrideReason: field('Begrunnelse for annen kommune', 'text'),
  confirmDuplicate: field('Lagre likevel (mulig dobbeltregistrering)', 'yesNo'),
  confirmOldDate: field('Lagre likevel (mer enn ett år tilbake)', 'yesNo'),
  referralReason: field('Henvisningsgrunn', 'text'),
  teamAssessment: field('Teamets vurdering og anbefalinger', 'text'),
  consentToShare: field('Samtykke til at svarene deles med kommunen', 'yesNo'),
  username: field('Brukernavn', 'text'),
  displayName: field('Navn', 'text'),
  initials: field('Initialer', 'text'),
  role: field('Rolle', 'choice', 'rolle'),
  page: field('Side', 'number'),
  pageSize: field('Antall per side', 'number'),
  limit: field('Antall forslag', 'number'),
  sort: field('Sortering', 'group'),
  direction: field('Retning', 'choice', 'stigende eller synkende rekkefølge'),
  field: field('Sorter etter', 'choice', 'hva listen skal sorteres etter'),
  filter: field('Filter', 'group'),
  status: field('Status', 'choice', 'status'),
  search: field('Søk', 'text'),
  includeInactive: field('Vis inaktive', 'yesNo'),
  includeRetired: field('Vis utgåtte', 'yesNo'),
  fileName: field('Filnavn', 'text'),
  followUpWarningWeeks: field('Varsel etter uker', 'number'),
  idleLockMinutes: field('Skjermlås etter minutter', 'number'),
  retentionYears: field('Oppbevaringstid i år', 'number'),
  backupFolder: field('Mappe for sikkerhetskopier', 'text'),
  keepOtherBackupsMonths: field('Måneder manuelle kopier beholdes', 'number'),
  staffIds: field('Ansatte på saken', 'choices', 'hvem i teamet som følger saken'),
  staffId: field('Ansatt', 'choice', 'ansatt'),
  startDate: field('Startdato', 'date'),
  closedDate: field('Avslutningsdato', 'date'),
  closureReason: field('Årsak til avslutning', 'choice', 'årsak til avslutning'),
  takeoverService: field('Tjenesten som overtar', 'text'),
  dischargeDate: field('Utskrivings-/løslatelsesdato', 'date'),
  expectedDischargeDate: field('Forventet utskriving/løslatelse', 'date'),
  institutionKind: field('Type institusjon', 'choice', 'type institusjon'),
  institutionName: field('Institusjon', 'text'),
  contactDate: field('Dato for etteroppfølging', 'date'),
  notPossibleReason: field('Hvorfor etteroppfølgingen ikke var mulig', 'choice', 'hvorfor etteroppfølgingen ikke var mulig'),
  assessedById: field('Vurdert av', 'choice', 'hvem som vurderte risikoen'),
  done: field('Gjennomført', 'yesNo'),
  occasion: field('Tidspunkt', 'choice', 'tidspunkt for vurderingen'),
  ratedOn: field('Vurdert dato', 'date'),
  ratings: field('Vurderinger', 'group'),
  domainId: field('Livsområde', 'choice', 'livsområde'),
  level: field('Nivå', 'number'),
  note: field('Merknad', 'text'),
  // Goals are the only required «text»; the annual report's texts may be empty.
  text: field('Mål', 'text'),
  contactId: field('Samarbeidspartner', 'choice', 'samarbeidspartner'),
  contactIds: field('Samarbeidspartnere', 'choices', 'samarbeidspartnere'),
  personId: field('Kontaktperson', 'choice', 'kontaktperson'),
  name: field('Navn', 'text'),
  kind: field('Type', 'choice', 'type'),
  area: field('Tilhørighet', 'choice', 'tilhørighet'),
  otherMunicipality: field('Annen kommune', 'text'),
  phone: field('Telefon', 'text'),
  email: field('E-post', 'text'),
  address: field('Adresse', 'text'),
  archived: field('Arkivert', 'yesNo'),
  includeArchived: field('Vis arkiverte', 'yesNo'),
  retired: field('Ikke i bruk', 'yesNo'),
  sortOrder: field('Rekkefølge', 'number'),
  password: field('Passord', 'text'),
  currentPassword: field('Nåværende passord', 'text'),
  newPassword: field('Nytt passord', 'text'),
  active: field('Aktiv', 'yesNo'),
  actorId: field('Teammedlem', 'choice', 'teammedlem'),
  action: field('Handling', 'choice', 'handling'),
  closureNote: field('Avslutningsnotat', 'text'),
  contentBase64: field('Fil', 'text'),
  content: field('Innhold', 'text'),
  sheets: field('Ark', 'choices', 'hvilke ark som skal importeres'),
  strict: field('Streng import', 'yesNo'),
  includeExisting: field('Ta med rader som finnes fra før', 'yesNo'),
  format: field('Filformat', 'choice', 'filformat'),
  weekStart: field('Uke', 'date'),
  period: field('Periode', 'group'),
  rows: field('Rader', 'choice', 'inndeling for radene'),
  columns: field('Kolonner', 'choice', 'inndeling for kolonnene'),
  measure: field('Tall som vises', 'choice', 'hva tabellen skal vise'),
  pivot: field('Pivottabell', 'group'),
  familiarTable: field('Fast tabell', 'choice', 'tabell'),
  caseTable: field('Sakstabell', 'choice', 'tabell'),
  costTable: field('Kostnadstabell', 'choice', 'tabell'),
  section: field('Kapittel', 'choice', 'kapittel i årsrapporten'),
  parameters: field('Budsjett og satser', 'group'),
  budget: field('Budsjett', 'number'),
  baseAmount: field('Grunnbeløp', 'number'),
  bandRates: field('Satser per innbyggertrinn', 'number'),
  hourlyRate: field('Timepris', 'number'),
  municipalities: field('Kommuner', 'group'),
  population: field('Innbyggertall', 'number'),
  extraHours: field('Ekstra timer', 'number'),
  receivedDate: field('Mottatt dato', 'date'),
  consentToContact: field('Samtykke til kontakt', 'yesNo'),
  answers: field('Svar', 'group'),
  isDefault: field('Standardmal', 'yesNo'),
  folder: field('Mappe', 'text'),
  path: field('Filplassering', 'text'),
  opened: field('Åpnet', 'yesNo'),
  only: field('Bare', 'choice', 'hva som skal vises'),
  members: field('Teammedlemmer', 'choices', 'teammedlemmer'),
  copy: field('Kopi', 'yesNo'),
  file: field('Fil', 'text'),
} as const satisfies Record<string, FieldEntry>;

/** Names an audit row gives for what a write set itself (not typed by the user). */
const WRITTEN_FIELDS = {
  riskAssessmentDate: field('Dato for farlighetsvurdering', 'date'),
  riskAssessedBy: field('Vurdert av', 'choice', 'hvem som vurderte risikoen'),
  riskAssessmentDone: field('Farlighetsvurdering gjennomført', 'yesNo'),
  rejectedDate: field('Avvist dato', 'date'),
  institutionFrom: field('I institusjon fra', 'date'),
  afterContactDate: field('Dato for etteroppfølging', 'date'),
  domainRatings: field('Vurdering av livsområder', 'group'),
  docx: field('Word-dokument', 'text'),
  xlsx: field('Regneark', 'text'),
  /** Older audit rows name the stored minutes; today's name the hours the user typed. */
  minutes: field('Tidsbruk', 'number'),
  // What retention reduced (electron/services/retention/rules.ts).
  'cases.closure_note': field('Avslutningsnotat', 'text'),
  'cases.free_text': field('Institusjon, tjenesten som overtok, henvisningsgrunn og teamets vurdering', 'text'),
  'time_entries.municipality_override_reason': field('Begrunnelse for annen kommune', 'text'),
  case_goals: field('Mål fra startsamtalen', 'text'),
  'case_domain_ratings.note': field('Merknader til livsområdene', 'text'),
  'after_contact_not_possible.note': field('Merknad til etteroppfølgingen', 'text'),
  case_contacts: field('Koblinger til samarbeidspartnere', 'group'),
  'evaluation_answers.text': field('Brukerens egne ord på evalueringsskjemaet', 'text'),
  case_staff: field('Teammedlemmer på saken', 'group'),
} as const satisfies Record<string, FieldEntry>;

export const FIELDS = { ...WRITTEN_FIELDS, ...CONTRACT_FIELDS } as const;

export type LabelledField = keyof typeof FIELDS;

/** Label strings by field name, for lists that only show names (the audit log). */
export const FIELD_LABELS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(FIELDS).map(([name, entry]) => [name, entry.label]));

export function entryOf(name: string): FieldEntry | undefined {
  return Object.prototype.hasOwnProperty.call(FIELDS, name) ? (FIELDS as Record<string, FieldEntry>)[name] : undefined;
}

/** The nearest named field on a validation path («ratings.0.domainId» → Livsområde). */
export function fieldEntry(path: readonly PropertyKey[]): FieldEntry | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    const entry = typeof key === 'string' ? entryOf(key) : undefined;
    if (entry) return entry;
  }
  return undefined;
}

/** The field's name as the screen shows it; never the internal name. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  return fieldEntry(path)?.label ?? 'Feltet';
}
