import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelParsedInput, DocumentTemplateDto } from '@shared/contract';
import type { FileDto } from '@shared/contract/common';
import { DOCX_MIME_TYPE, TEMPLATE_FILE_STEM, TEMPLATE_KINDS, type TemplateKind } from '@shared/domain/documents';
import { all, first, run, transaction } from '../../db/exec';
import { requireAdministrator } from '../session/actor';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { notFound, ServiceError } from '../errors/serviceError';
import { validateTemplate } from './templateValidation';
import { createTemplateCopy, discardTemplateCopy, removeWhenClosed } from './templateCopies';

/** The template a document is made from: its bytes and the version the document log records. */
export interface ActiveTemplate {
  kind: TemplateKind;
  version: number;
  content: Buffer;
}

export function defaultTemplateFile(ctx: Pick<ServiceContext, 'resourcesDir'>, kind: TemplateKind): string {
  if (!ctx.resourcesDir) throw new ServiceError('internal', 'Standardmalene er ikke tilgjengelige i denne installasjonen');
  return join(ctx.resourcesDir, 'templates', `${TEMPLATE_FILE_STEM[kind]}.docx`);
}

function readDefault(ctx: ServiceContext, kind: TemplateKind): Buffer {
  try {
    return readFileSync(defaultTemplateFile(ctx, kind));
  } catch {
    throw new ServiceError('internal', 'Standardmalen mangler i installasjonen. Installer programmet på nytt.');
  }
}

export function newestVersion(ctx: ServiceContext, kind: TemplateKind): number {
  const row = first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('document_templates')
      .select((eb) => eb.fn.max<number | null>('version').as('v'))
      .where('kind', '=', kind),
  );
  return row?.v ?? 0;
}

function insertVersion(ctx: ServiceContext, kind: TemplateKind, fileName: string, content: Buffer, isDefault: boolean, uploadedBy: number | null): number {
  const version = newestVersion(ctx, kind) + 1;
  const result = run(
    ctx.db,
    ctx.db.kysely.insertInto('document_templates').values({
      kind,
      version,
      file_name: fileName,
      content,
      size_bytes: content.length,
      uploaded_at: ctx.clock.now().toISOString(),
      uploaded_by: uploadedBy,
      is_default: isDefault ? 1 : 0,
    }),
  );
  return Number(result.lastInsertRowid);
}

/**
 * The shipped defaults become version 1 the first time anyone needs a template, so a fresh database
 * holds no template until then and an install with newer defaults does not overwrite the team's edits.
 * Not audited: it is the program's own seed, like the migrations' reference data.
 */
export function ensureDefaultTemplates(ctx: ServiceContext): void {
  if (ctx.readOnly) return;
  const missing = TEMPLATE_KINDS.filter((kind) => newestVersion(ctx, kind) === 0);
  if (missing.length === 0) return;
  const files = missing.map((kind) => [kind, readDefault(ctx, kind)] as const);
  transaction(ctx.db, () => {
    for (const [kind, content] of files) {
      if (newestVersion(ctx, kind) === 0) insertVersion(ctx, kind, `${TEMPLATE_FILE_STEM[kind]}.docx`, content, true, null);
    }
  });
}

export function activeTemplate(ctx: ServiceContext, kind: TemplateKind): ActiveTemplate {
  ensureDefaultTemplates(ctx);
  const row = first(
    ctx.db,
    ctx.db.kysely.selectFrom('document_templates').select(['version', 'content']).where('kind', '=', kind).orderBy('version', 'desc').limit(1),
  );
  // Read-only and never seeded: the shipped default, as the version 1 it would become.
  if (!row) return { kind, version: 1, content: readDefault(ctx, kind) };
  return { kind, version: row.version, content: Buffer.from(row.content) };
}

function templateQuery(ctx: ServiceContext) {
  return ctx.db.kysely
    .selectFrom('document_templates as t')
    .leftJoin('team_members as m', 'm.id', 't.uploaded_by')
    .select([
      't.id',
      't.kind',
      't.version',
      't.file_name',
      't.size_bytes',
      't.uploaded_at',
      't.is_default',
      'm.display_name',
      (eb) =>
        eb
          .selectFrom('document_templates as n')
          .select((n) => n.fn.max<number>('n.version').as('v'))
          .whereRef('n.kind', '=', 't.kind')
          .as('newest'),
    ]);
}

type TemplateRow = ReturnType<typeof templateQuery> extends { execute(): Promise<(infer R)[]> } ? R : never;

function toDto(row: TemplateRow): DocumentTemplateDto {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at,
    uploadedByName: row.display_name,
    isDefault: row.is_default === 1,
    active: row.version === row.newest,
  };
}

function templateById(ctx: ServiceContext, id: number): DocumentTemplateDto {
  const row = first(ctx.db, templateQuery(ctx).where('t.id', '=', id));
  if (!row) throw notFound('Malen finnes ikke', 'id');
  return toDto(row);
}

export function listTemplates(ctx: ServiceContext, input: ChannelParsedInput<'templates:list'>): DocumentTemplateDto[] {
  ensureDefaultTemplates(ctx);
  let query = templateQuery(ctx).orderBy('t.kind').orderBy('t.version', 'desc');
  if (input.kind) query = query.where('t.kind', '=', input.kind);
  return all(ctx.db, query).map(toDto);
}

function templateContent(ctx: ServiceContext, id: number): { dto: DocumentTemplateDto; content: Buffer } {
  const dto = templateById(ctx, id);
  const row = first(ctx.db, ctx.db.kysely.selectFrom('document_templates').select('content').where('id', '=', id))!;
  return { dto, content: Buffer.from(row.content) };
}

/** The stored file under a name that says which version it is: `Avslutningsrapport (versjon 3).docx`. */
function versionFileName(dto: DocumentTemplateDto): string {
  return `${TEMPLATE_FILE_STEM[dto.kind]} (versjon ${dto.version}).docx`;
}

export function downloadTemplate(ctx: ServiceContext, input: ChannelParsedInput<'templates:download'>): FileDto {
  const { dto, content } = templateContent(ctx, input.id);
  return { fileName: versionFileName(dto), mimeType: DOCX_MIME_TYPE, contentBase64: content.toString('base64') };
}

/**
 * Word opens a copy in a fresh temporary folder: the stored template only changes when the edited file is
 * uploaded again (and validated), never by saving in Word.
 */
export async function openTemplate(ctx: SignedInContext, input: ChannelParsedInput<'templates:open'>): Promise<{ opened: true }> {
  if (!ctx.desktop) throw new ServiceError('conflict', 'Maler kan bare åpnes i Word fra skrivebordsprogrammet. Last ned malen i stedet.');
  const { dto, content } = templateContent(ctx, input.id);
  const path = createTemplateCopy(versionFileName(dto), content);
  const failure = await ctx.desktop.openPath(path);
  if (failure) discardTemplateCopy(path);
  if (failure) throw new ServiceError('conflict', 'Malen kunne ikke åpnes. Er Word (eller et annet program for .docx) installert?');
  removeWhenClosed(path);
  transaction(ctx.db, () => recordAuditSync(ctx, 'view', 'document_template', dto.id));
  return { opened: true };
}

// Templates shape every document the team sends out, so changing them is the administrator's call, like settings.
export async function replaceTemplate(ctx: SignedInContext, input: ChannelParsedInput<'templates:replace'>): Promise<DocumentTemplateDto> {
  const actor = requireAdministrator(ctx);
  const content = await validateTemplate(input.kind, input.fileName, Buffer.from(input.contentBase64, 'base64'));
  ensureDefaultTemplates(ctx);
  const id = transaction(ctx.db, () => {
    const id = insertVersion(ctx, input.kind, input.fileName, content, false, actor.id);
    recordAuditSync(ctx, 'create', 'document_template', id, auditedFields('templates:replace', ['content', 'fileName']));
    return id;
  });
  return templateById(ctx, id);
}

/** The shipped default becomes the newest version again; the team's versions stay in the list. */
export function restoreDefaultTemplate(ctx: SignedInContext, input: ChannelParsedInput<'templates:restore-default'>): DocumentTemplateDto {
  const actor = requireAdministrator(ctx);
  const content = readDefault(ctx, input.kind);
  ensureDefaultTemplates(ctx);
  const id = transaction(ctx.db, () => {
    const id = insertVersion(ctx, input.kind, `${TEMPLATE_FILE_STEM[input.kind]}.docx`, content, true, actor.id);
    recordAuditSync(ctx, 'create', 'document_template', id, auditedFields('templates:restore-default', ['content', 'isDefault']));
    return id;
  });
  return templateById(ctx, id);
}
