/** Norwegian names of contract fields, so a validation message can name the field the user sees. */
export const FIELD_LABELS: Record<string, string> = {
  id: 'ID',
  year: 'År',
  date: 'Dato',
  from: 'Fra dato',
  to: 'Til dato',
  hours: 'Tidsbruk',
  caseCode: 'Sak',
  code: 'Saksnummer',
  caseId: 'Sak',
  municipalityId: 'Kommune',
  categoryId: 'Hendelse',
  teamMemberId: 'Teammedlem',
  participantIds: 'Deltakere',
  referralDate: 'Henvisningsdato',
  username: 'Brukernavn',
  displayName: 'Navn',
  initials: 'Initialer',
  role: 'Rolle',
  page: 'Side',
  pageSize: 'Antall per side',
  sort: 'Sortering',
  direction: 'Retning',
  field: 'Felt',
  filter: 'Filter',
  status: 'Status',
  search: 'Søk',
  includeInactive: 'Vis inaktive',
  includeRetired: 'Vis utgåtte',
  followUpWarningWeeks: 'Varsel etter uker',
  idleLockMinutes: 'Skjermlås etter minutter',
  retentionYears: 'Oppbevaringstid i år',
  backupFolder: 'Mappe for sikkerhetskopier',
  jobId: 'Importjobb',
  fileName: 'Filnavn',
  contentBase64: 'Fil',
  sheets: 'Ark',
  strict: 'Streng import',
  format: 'Filformat',
  weekStart: 'Uke',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string' && FIELD_LABELS[key]) return FIELD_LABELS[key];
  }
  const last = path[path.length - 1];
  return typeof last === 'string' ? `Feltet «${last}»` : 'Feltet';
}
