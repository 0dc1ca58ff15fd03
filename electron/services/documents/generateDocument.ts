import type { ChannelParsedInput, GeneratedDocumentDto, GeneratedFileDto } from '@shared/contract';
import { isoDateInOslo } from '@shared/dates';
import { DOCX_MIME_TYPE, generatedDocumentFileName, type TemplateKind } from '@shared/domain/documents';
import { all, first, transaction } from '../../db/query';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import { getCase } from '../cases/cases';
import type { DbContext, OnAnyEngine, ServiceContext, SignedInContext } from '../context';
import { notFound } from '../errors/serviceError';
import { closureReportData } from './closureReportData';
import { evaluationFormData } from './evaluationFormData';
import { latestEvaluation } from './evaluations';
import { fillTemplate } from './templateFill';
import { activeTemplate } from './templateStore';

function logQuery(ctx: DbContext) {
  return ctx.db.kysely
    .selectFrom('generated_documents as g')
    .leftJoin('team_members as m', 'm.id', 'g.generated_by')
    .select(['g.id', 'g.case_id', 'g.kind', 'g.template_version', 'g.generated_at', 'm.display_name']);
}

type LogRow = Awaited<ReturnType<ReturnType<typeof logQuery>['execute']>>[number];

function toDto(row: LogRow): GeneratedDocumentDto {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    templateVersion: row.template_version,
    generatedAt: row.generated_at,
    generatedByName: row.display_name,
  };
}

export async function listDocuments(ctx: DbContext, input: ChannelParsedInput<'documents:list'>): Promise<GeneratedDocumentDto[]> {
  return (await all(ctx.db, logQuery(ctx).where('g.case_id', '=', input.caseId).orderBy('g.generated_at', 'desc').orderBy('g.id', 'desc'))).map(toDto);
}

/**
 * The filled document for a case, without logging it: the CLI, the benchmark and generate share it. Typed for
 * the SQLite file while the case page's data (getCase, cases/) is read there only; everything else it reads runs
 * on either engine.
 */
export async function buildDocument(
  ctx: ServiceContext,
  caseId: number,
  kind: TemplateKind,
): Promise<{ content: Buffer; fileName: string; templateVersion: number; caseCode: string }> {
  const detail = getCase(ctx, { id: caseId });
  const today = isoDateInOslo(ctx.clock.now());
  let data;
  if (kind === 'closure-report') {
    const reduced = (await first(ctx.db, ctx.db.kysely.selectFrom('cases').select('reduced_at').where('id', '=', caseId)))?.reduced_at != null;
    data = closureReportData(detail, await latestEvaluation(ctx, caseId), today, reduced);
  } else {
    data = evaluationFormData(detail, today);
  }
  const template = await activeTemplate(ctx, kind);
  const content = await fillTemplate(template.content, data);
  return { content, fileName: generatedDocumentFileName(kind, detail.code), templateVersion: template.version, caseCode: detail.code };
}

/** One row in the case's document log and its audit row, in one transaction. */
export async function recordGeneratedDocument(
  ctx: OnAnyEngine<SignedInContext>,
  caseId: number,
  kind: TemplateKind,
  templateVersion: number,
): Promise<GeneratedDocumentDto> {
  const { actor } = ctx;
  return transaction(ctx.db, async (tx) => {
    const inserted = await first(
      tx,
      tx.kysely
        .insertInto('generated_documents')
        .values({
          case_id: caseId,
          kind,
          template_version: templateVersion,
          generated_at: ctx.clock.now().toISOString(),
          generated_by: actor.id,
        })
        .returning('id'),
    );
    await recordAudit({ ...ctx, db: tx }, 'document', 'case', caseId, auditedFields('documents:generate', [kind]));
    return toDto((await first(tx, logQuery({ db: tx }).where('g.id', '=', inserted!.id)))!);
  });
}

/**
 * Makes a document from the case's current data and the template in use, and logs it: which document,
 * which template version, when and by whom (one log row and one audit row in one transaction). The file
 * is filled before the transaction, so a template that fails leaves no log row behind.
 */
export async function generateDocument(ctx: SignedInContext, input: ChannelParsedInput<'documents:generate'>): Promise<GeneratedFileDto> {
  const built = await buildDocument(ctx, input.caseId, input.kind);
  const log = await recordGeneratedDocument(ctx, input.caseId, input.kind, built.templateVersion);
  return { fileName: built.fileName, mimeType: DOCX_MIME_TYPE, contentBase64: built.content.toString('base64'), log };
}

/** The same document as a log row, made again from today's data and template (and logged again). */
export async function regenerateDocument(ctx: SignedInContext, input: ChannelParsedInput<'documents:regenerate'>): Promise<GeneratedFileDto> {
  const row = await first(ctx.db, ctx.db.kysely.selectFrom('generated_documents').select(['case_id', 'kind']).where('id', '=', input.id));
  if (!row) throw notFound('Dokumentet finnes ikke i loggen', 'id');
  return generateDocument(ctx, { caseId: row.case_id, kind: row.kind as TemplateKind });
}
