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
  time_entry: 'Timeregistrering',
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
