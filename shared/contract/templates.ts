import { z } from '../validation/zodNorwegian';
import { idSchema, type FileDto } from './common';
import { mutationChannel, queryChannel } from './channel';
import { MAX_TEMPLATE_BYTES, TEMPLATE_KINDS, type TemplateKind } from '../domain/documents';
import type { TemplatePlaceholder } from '../domain/templatePlaceholders';

/** One stored version of a template. The newest version of a kind is the one in use. */
export interface DocumentTemplateDto {
  id: number;
  kind: TemplateKind;
  version: number;
  fileName: string;
  sizeBytes: number;
  uploadedAt: string;
  /** Null for the shipped default loaded at start-up. */
  uploadedByName: string | null;
  /** The shipped default (loaded at start or restored), not a file the team uploaded. */
  isDefault: boolean;
  /** The newest version of its kind: the one documents are made from. */
  active: boolean;
}

export const templateKindSchema = z.enum(TEMPLATE_KINDS);

/** base64 of at most MAX_TEMPLATE_BYTES (4 characters per 3 bytes). */
const templateBase64 = z
  .string()
  .min(1)
  .max(Math.ceil(MAX_TEMPLATE_BYTES / 3) * 4 + 4);

export const templateChannels = {
  'templates:list': queryChannel<DocumentTemplateDto[]>()(
    z.strictObject({ kind: templateKindSchema.optional() }),
    'Dokumentmalene med alle versjoner, nyeste først',
    // Who uploaded each version.
    ['document_templates', 'team_members'],
    // The shipped defaults are stored the first time anyone looks (not audited: the program's own seed).
    { writes: ['document_templates'] },
  ),
  'templates:placeholders': queryChannel<TemplatePlaceholder[]>()(
    z.strictObject({ kind: templateKindSchema.optional() }),
    'Alle plassholdere en mal kan bruke, med forklaring og eksempel',
    [],
  ),
  'templates:download': queryChannel<FileDto>()(z.strictObject({ id: idSchema }), 'Last ned én versjon av en mal (.docx)', [
    'document_templates',
    'team_members',
  ]),
  'templates:open': mutationChannel<{ opened: true }>()(
    z.strictObject({ id: idSchema }),
    'Åpne en versjon av en mal i Word (kopi i en midlertidig mappe)',
    // Audited only: who looked at which version.
    ['audit_log'],
  ),
  'templates:replace': mutationChannel<DocumentTemplateDto, 'content'>()(
    z.strictObject({ kind: templateKindSchema, fileName: z.string().trim().min(1).max(200), contentBase64: templateBase64 }),
    'Erstatt malen med en redigert .docx (kontrolleres før den tas i bruk)',
    ['document_templates', 'audit_log'],
  ),
  'templates:restore-default': mutationChannel<DocumentTemplateDto, 'content' | 'isDefault'>()(
    z.strictObject({ kind: templateKindSchema }),
    'Ta standardmalen i bruk igjen (som ny versjon)',
    ['document_templates', 'audit_log'],
  ),
} as const;
