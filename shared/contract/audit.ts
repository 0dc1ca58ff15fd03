import { z } from '../validation/zodNorwegian';
import { emptyInput, idSchema, isoDateSchema } from './common';
import { mutationChannel, queryChannel } from './channel';

export interface AuditEntryDto {
  id: number;
  /** ISO UTC timestamp. */
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  /** The case code when the record is a case. */
  caseCode: string | null;
  fields: string[];
  /** Recorded while the database was read-only: kept beside it until a writer merges it into the log. */
  waiting?: boolean;
}

export interface AuditPageDto {
  rows: AuditEntryDto[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditVerifyDto {
  ok: boolean;
  rows: number;
  /** The first row whose hash or link to the row before it does not match. */
  firstBrokenId: number | null;
  /**
   * What the witnesses say (this PC's signed head, the heads the backups carry): a cut tail, a chain
   * rewritten with recomputed hashes, a forged witness, or a restore that rewound the log (not tampering).
   */
  findings: AuditFindingDto[];
}

export interface AuditFindingDto {
  kind: 'cut-tail' | 'rewritten' | 'forged-witness' | 'restore';
  /** Which witness: «denne PC-en» or a backup file's name. */
  source: string;
  /** Norwegian, for the administrator. */
  message: string;
}

export interface AuditExportDto {
  fileName: string;
  /** The .xlsx file, base64, for the renderer to save. */
  contentBase64: string;
  rows: number;
}

export const auditFilterSchema = z.strictObject({
  actorId: idSchema.optional(),
  caseCode: z.string().trim().min(1).max(12).optional(),
  action: z.string().trim().min(1).max(30).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 100;

export const auditChannels = {
  'audit:list': queryChannel<AuditPageDto>()(
    z.strictObject({ filter: auditFilterSchema.optional(), page: z.number().int().min(1).max(100_000).default(1) }),
    'Revisjonsloggen, nyeste først (bare administrator)',
    // Who did it, and the case code of a case row.
    ['audit_log', 'team_members', 'cases'],
  ),
  'audit:verify': queryChannel<AuditVerifyDto>()(emptyInput, 'Kontroller hash-kjeden i revisjonsloggen (bare administrator)', [
    'audit_log',
    'team_members',
    // Where the backups are, whose heads are witnesses too (beside a shared file, or the chosen folder).
    'settings',
    'database_sharing',
  ]),
  'audit:export': mutationChannel<AuditExportDto>()(
    z.strictObject({ filter: auditFilterSchema.optional() }),
    'Eksporter revisjonsloggen til Excel (bare administrator)',
    ['audit_log'],
  ),
} as const;
