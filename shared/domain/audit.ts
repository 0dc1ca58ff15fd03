/** What an audit row can say happened, with the Norwegian words the viewer and the export use. */
export const AUDIT_ACTION_LABEL = {
  create: 'Opprettet',
  update: 'Endret',
  delete: 'Slettet',
  transition: 'Statusendring',
  reopen: 'Gjenåpnet',
  archive: 'Arkivert',
  view: 'Åpnet',
  import: 'Import',
  export: 'Eksport',
  document: 'Dokument laget',
  retention: 'Redusert til statistikk',
  'sign-in': 'Innlogging',
  'sign-in-failed': 'Feil passord',
  'sign-out': 'Utlogging',
  lock: 'Skjermlås',
  unlock: 'Låst opp',
  'password-change': 'Nytt passord',
  deactivate: 'Deaktivert',
  reactivate: 'Aktivert igjen',
  backup: 'Sikkerhetskopi',
  restore: 'Gjenopprettet fra kopi',
  share: 'Delt med teamet',
  'open-shared': 'Byttet til delt database',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABEL;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABEL) as AuditAction[];

export const AUDIT_RECORD_TYPE_LABEL = {
  team_member: 'Teammedlem',
  case: 'Sak',
  time_entry: 'Registrering',
  session: 'Innlogging',
  settings: 'Innstillinger',
  audit_log: 'Revisjonslogg',
  retention: 'Oppbevaring',
  case_goal: 'Mål',
  case_contact: 'Samarbeidspartner på sak',
  life_domain: 'Livsområde',
  contact: 'Samarbeidspartner',
  contact_person: 'Kontaktperson',
  network_event: 'Nettverkslogg',
  database: 'Database',
  time_entry_import: 'Timeimport',
  time_entry_export: 'Timeeksport',
  annual_report_text: 'Årsrapporttekst',
  annual_report: 'Årsrapport',
  statistics_export: 'Statistikkeksport',
  document_template: 'Dokumentmal',
  evaluation: 'Evalueringsskjema',
  cost_share: 'Kostnadsfordeling',
} as const;

export type AuditRecordType = keyof typeof AUDIT_RECORD_TYPE_LABEL;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABEL as Record<string, string>)[action] ?? action;
}

export function auditRecordTypeLabel(recordType: string): string {
  return (AUDIT_RECORD_TYPE_LABEL as Record<string, string>)[recordType] ?? recordType;
}

/** Records whose id is the year they cover: «Kostnadsfordeling 2025», not «nr. 2025». */
const YEAR_RECORDS: ReadonlySet<string> = new Set<AuditRecordType>(['cost_share', 'annual_report', 'annual_report_text']);

/** What an audit row is about, as the log shows it: «Sak 02/20-ST», «Årsrapport 2025», «Mål nr. 12». */
export function auditRecordLabel(row: { recordType: string; recordId: string | null; caseCode: string | null }): string {
  const kind = auditRecordTypeLabel(row.recordType);
  if (row.caseCode) return `${kind} ${row.caseCode}`;
  if (!row.recordId) return kind;
  return YEAR_RECORDS.has(row.recordType) ? `${kind} ${row.recordId}` : `${kind} nr. ${row.recordId}`;
}
