import { z } from '../validation/zodNorwegian';
import { idSchema, type FileDto } from './common';
import { mutationChannel, queryChannel } from './channel';
import type { TemplateKind } from '../domain/documents';
import { templateKindSchema } from './templates';

/** One row of a case's document log. */
export interface GeneratedDocumentDto {
  id: number;
  caseId: number;
  kind: TemplateKind;
  templateVersion: number;
  generatedAt: string;
  generatedByName: string | null;
}

/** A generated document, and the log row it wrote. */
export interface GeneratedFileDto extends FileDto {
  log: GeneratedDocumentDto;
}

/** A row in the document log; document_templates when the shipped default is stored on first use. */
const changesDocumentLog = ['generated_documents', 'document_templates', 'audit_log'] as const;

export const documentChannels = {
  'documents:list': queryChannel<GeneratedDocumentDto[]>()(z.strictObject({ caseId: idSchema }), 'Dokumentloggen for en sak, nyeste først', [
    'generated_documents',
    'team_members',
  ]),
  // The audit row names the kind of document made.
  'documents:generate': mutationChannel<GeneratedFileDto, TemplateKind>()(
    z.strictObject({ caseId: idSchema, kind: templateKindSchema }),
    'Lag avslutningsrapport eller evalueringsskjema for en sak fra gjeldende mal og data',
    changesDocumentLog,
  ),
  'documents:regenerate': mutationChannel<GeneratedFileDto, TemplateKind>()(
    z.strictObject({ id: idSchema }),
    'Lag et dokument i loggen på nytt, med dagens mal og data',
    changesDocumentLog,
  ),
} as const;
