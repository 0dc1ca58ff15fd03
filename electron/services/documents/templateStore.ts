import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelParsedInput, DocumentTemplateDto } from '@shared/contract';
import type { FileDto } from '@shared/contract/common';
import { DOCX_MIME_TYPE, TEMPLATE_FILE_STEM, TEMPLATE_KINDS, type TemplateKind } from '@shared/domain/documents';
import { all, first, transaction } from '../../db/query';
import { requireAdministrator } from '../session/actor';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { DbContext, OnAnyEngine, ServiceContext, SignedInContext } from '../context';

/** A call on either engine; `resourcesDir` finds the shipped defaults, `readOnly` keeps them from being seeded. */
type TemplateContext = OnAnyEngine<ServiceContext>;
type WriteContext = OnAnyEngine<SignedInContext>;
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

function readDefault(ctx: Pick<ServiceContext, 'resourcesDir'>, kind: TemplateKind): Buffer {
  try {
    return readFileSync(defaultTemplateFile(ctx, kind));
  } catch {
    throw new ServiceError('internal', 'Standardmalen mangler i installasjonen. Installer programmet på nytt.');
  }
}

export async function newestVersion(ctx: DbContext, kind: TemplateKind): Promise<number> {
  const row = await first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('document_templates')
      .select((eb) => eb.fn.max<number | null>('version').as('v'))
      .where('kind', '=', kind),
  );
  return row?.v ?? 0;
}

async function insertVersion(
  ctx: TemplateContext,
  kind: TemplateKind,
  fileName: string,
  content: Buffer,
  isDefault: boolean,
  uploadedBy: number | null,
): Promise<number> {
  const version = (await newestVersion(ctx, kind)) + 1;
  const inserted = await first(
    ctx.db,
    ctx.db.kysely
      .insertInto('document_templates')
      .values({
        kind,
        version,
        file_name: fileName,
        content,
        size_bytes: content.length,
        uploaded_at: ctx.clock.now().toISOString(),
        uploaded_by: uploadedBy,
        is_default: isDefault ? 1 : 0,
      })
      .returning('id'),
  );
  return inserted!.id;
}

/**
 * The shipped defaults become version 1 the first time anyone needs a template, so a fresh database
 * holds no template until then and an install with newer defaults does not overwrite the team's edits.
 * Not audited: it is the program's own seed, like the migrations' reference data.
 */
export async function ensureDefaultTemplates(ctx: TemplateContext): Promise<void> {
  if (ctx.readOnly) return;
  const missing: TemplateKind[] = [];
  for (const kind of TEMPLATE_KINDS) if ((await newestVersion(ctx, kind)) === 0) missing.push(kind);
  if (missing.length === 0) return;
  const files = missing.map((kind) => [kind, readDefault(ctx, kind)] as const);
  // The files are read above, outside the transaction: on PostgreSQL its work may run twice.
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    for (const [kind, content] of files) {
      if ((await newestVersion(txCtx, kind)) === 0) await insertVersion(txCtx, kind, `${TEMPLATE_FILE_STEM[kind]}.docx`, content, true, null);
    }
  });
}

export async function activeTemplate(ctx: TemplateContext, kind: TemplateKind): Promise<ActiveTemplate> {
  await ensureDefaultTemplates(ctx);
  const row = await first(
    ctx.db,
    ctx.db.kysely.selectFrom('document_templates').select(['version', 'content']).where('kind', '=', kind).orderBy('version', 'desc').limit(1),
  );
  // Read-only and never seeded: the shipped default, as the version 1 it would become.
  if (!row) return { kind, version: 1, content: readDefault(ctx, kind) };
  return { kind, version: row.version, content: Buffer.from(row.content) };
}

function templateQuery(ctx: DbContext) {
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

async function templateById(ctx: DbContext, id: number): Promise<DocumentTemplateDto> {
  const row = await first(ctx.db, templateQuery(ctx).where('t.id', '=', id));
  if (!row) throw notFound('Malen finnes ikke', 'id');
  return toDto(row);
}

export async function listTemplates(ctx: TemplateContext, input: ChannelParsedInput<'templates:list'>): Promise<DocumentTemplateDto[]> {
  await ensureDefaultTemplates(ctx);
  let query = templateQuery(ctx).orderBy('t.kind').orderBy('t.version', 'desc');
  if (input.kind) query = query.where('t.kind', '=', input.kind);
  return (await all(ctx.db, query)).map(toDto);
}

async function templateContent(ctx: DbContext, id: number): Promise<{ dto: DocumentTemplateDto; content: Buffer }> {
  const dto = await templateById(ctx, id);
  const row = (await first(ctx.db, ctx.db.kysely.selectFrom('document_templates').select('content').where('id', '=', id)))!;
  return { dto, content: Buffer.from(row.content) };
}

/** The stored file under a name that says which version it is: `Avslutningsrapport (versjon 3).docx`. */
function versionFileName(dto: DocumentTemplateDto): string {
  return `${TEMPLATE_FILE_STEM[dto.kind]} (versjon ${dto.version}).docx`;
}

export async function downloadTemplate(ctx: DbContext, input: ChannelParsedInput<'templates:download'>): Promise<FileDto> {
  const { dto, content } = await templateContent(ctx, input.id);
  return { fileName: versionFileName(dto), mimeType: DOCX_MIME_TYPE, contentBase64: content.toString('base64') };
}

/**
 * Word opens a copy in a fresh temporary folder: the stored template only changes when the edited file is
 * uploaded again (and validated), never by saving in Word.
 */
export async function openTemplate(ctx: WriteContext, input: ChannelParsedInput<'templates:open'>): Promise<{ opened: true }> {
  if (!ctx.desktop) throw new ServiceError('conflict', 'Maler kan bare åpnes i Word fra skrivebordsprogrammet. Last ned malen i stedet.');
  const { dto, content } = await templateContent(ctx, input.id);
  const path = createTemplateCopy(versionFileName(dto), content);
  const failure = await ctx.desktop.openPath(path);
  if (failure) discardTemplateCopy(path);
  if (failure) throw new ServiceError('conflict', 'Malen kunne ikke åpnes. Er Word (eller et annet program for .docx) installert?');
  removeWhenClosed(path);
  await transaction(ctx.db, (tx) => recordAudit({ ...ctx, db: tx }, 'view', 'document_template', dto.id));
  return { opened: true };
}

// Templates shape every document the team sends out, so changing them is the administrator's call, like settings.
// Typed for the SQLite file until requireAdministrator (session/) takes a context on either engine.
export async function replaceTemplate(ctx: SignedInContext, input: ChannelParsedInput<'templates:replace'>): Promise<DocumentTemplateDto> {
  const actor = requireAdministrator(ctx);
  const content = await validateTemplate(input.kind, input.fileName, Buffer.from(input.contentBase64, 'base64'));
  await ensureDefaultTemplates(ctx);
  const id = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const id = await insertVersion(txCtx, input.kind, input.fileName, content, false, actor.id);
    await recordAudit(txCtx, 'create', 'document_template', id, auditedFields('templates:replace', ['content', 'fileName']));
    return id;
  });
  return templateById(ctx, id);
}

/** The shipped default becomes the newest version again; the team's versions stay in the list (typed for SQLite: see replaceTemplate). */
export async function restoreDefaultTemplate(ctx: SignedInContext, input: ChannelParsedInput<'templates:restore-default'>): Promise<DocumentTemplateDto> {
  const actor = requireAdministrator(ctx);
  const content = readDefault(ctx, input.kind);
  await ensureDefaultTemplates(ctx);
  const id = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const id = await insertVersion(txCtx, input.kind, `${TEMPLATE_FILE_STEM[input.kind]}.docx`, content, true, actor.id);
    await recordAudit(txCtx, 'create', 'document_template', id, auditedFields('templates:restore-default', ['content', 'isDefault']));
    return id;
  });
  return templateById(ctx, id);
}
