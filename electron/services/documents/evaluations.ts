import type { ChannelParsedInput, EvaluationAnswers, EvaluationResponseDto, EvaluationSummaryDto } from '@shared/contract';
import { yearRange } from '@shared/dates';
import { EVALUATION_QUESTIONS, EVALUATION_SCALE, EVALUATION_SCALE_QUESTIONS, type EvaluationQuestionId } from '@shared/domain/evaluationForm';
import { HIDDEN, isSmall, protectTable, publishCount, publishStatistic } from '@shared/domain/disclosureControl';
import { normaliseCaseCode } from '@shared/caseCode';
import { all, first, run, transaction } from '../../db/query';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { DbContext, OnAnyEngine, SignedInContext } from '../context';
import { invalidField, notFound } from '../errors/serviceError';
import { versionCheck } from '../versions/versionedRecord';

type WriteContext = OnAnyEngine<SignedInContext>;

const QUESTION_KIND = new Map<string, 'scale' | 'text'>(EVALUATION_QUESTIONS.map((q) => [q.id, q.kind]));

function responseQuery(ctx: DbContext) {
  return ctx.db.kysely
    .selectFrom('evaluation_responses as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .leftJoin('team_members as m', 'm.id', 'r.created_by')
    .select([
      'r.id',
      'r.case_id',
      'c.code',
      'r.received_date',
      'r.consent_to_contact',
      'r.consent_to_share',
      'r.created_at',
      'r.updated_at',
      'r.version',
      'm.display_name',
    ]);
}

async function answersOf(ctx: DbContext, ids: number[]): Promise<Map<number, EvaluationAnswers>> {
  const byResponse = new Map<number, EvaluationAnswers>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return byResponse;
  const rows = await all(ctx.db, ctx.db.kysely.selectFrom('evaluation_answers').selectAll().where('response_id', 'in', ids));
  // In question-id order by code units, as SQLite reads them along the key: a server returns them in the order
  // written, and its collation may sort the ids otherwise, so neither engine's order is left to chance.
  rows.sort((a, b) => (a.question_id < b.question_id ? -1 : a.question_id > b.question_id ? 1 : 0));
  for (const row of rows) {
    const answers = byResponse.get(row.response_id)!;
    answers[row.question_id as EvaluationQuestionId] = QUESTION_KIND.get(row.question_id) === 'text' ? row.text_value : row.value;
  }
  return byResponse;
}

type ResponseRow = Awaited<ReturnType<ReturnType<typeof responseQuery>['execute']>>[number];

async function toDtos(ctx: DbContext, rows: ResponseRow[]): Promise<EvaluationResponseDto[]> {
  const answers = await answersOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseCode: r.code,
    receivedDate: r.received_date,
    consentToContact: r.consent_to_contact === null ? null : r.consent_to_contact === 1,
    consentToShare: r.consent_to_share === null ? null : r.consent_to_share === 1,
    answers: answers.get(r.id)!,
    registeredAt: r.created_at,
    registeredByName: r.display_name,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

export async function listEvaluations(ctx: DbContext, input: ChannelParsedInput<'evaluations:list'>): Promise<EvaluationResponseDto[]> {
  let query = responseQuery(ctx).orderBy('r.received_date', 'desc').orderBy('r.id', 'desc');
  if (input.caseId !== undefined) query = query.where('r.case_id', '=', input.caseId);
  if (input.year !== undefined) {
    const { from, to } = yearRange(input.year);
    query = query.where('r.received_date', '>=', from).where('r.received_date', '<=', to);
  }
  return toDtos(ctx, await all(ctx.db, query));
}

/** The newest returned form on a case, for the closure report; null when none is registered. */
export async function latestEvaluation(ctx: DbContext, caseId: number): Promise<EvaluationResponseDto | null> {
  return (await listEvaluations(ctx, { caseId }))[0] ?? null;
}

const EVALUATION_MISSING = 'Evalueringsskjemaet finnes ikke';

async function responseById(ctx: DbContext, id: number): Promise<EvaluationResponseDto> {
  const row = await first(ctx.db, responseQuery(ctx).where('r.id', '=', id));
  if (!row) throw notFound(EVALUATION_MISSING, 'id');
  return (await toDtos(ctx, [row]))[0]!;
}

/** Replaces a response's answers; blank text and unanswered questions leave no row. */
async function writeAnswers(ctx: DbContext, responseId: number, caseId: number, answers: EvaluationAnswers): Promise<EvaluationQuestionId[]> {
  await run(ctx.db, ctx.db.kysely.deleteFrom('evaluation_answers').where('response_id', '=', responseId));
  const written: EvaluationQuestionId[] = [];
  for (const [questionId, value] of Object.entries(answers) as [EvaluationQuestionId, EvaluationAnswers[EvaluationQuestionId]][]) {
    if (value === null || value === undefined || value === '') continue;
    const isText = QUESTION_KIND.get(questionId) === 'text';
    await run(
      ctx.db,
      ctx.db.kysely.insertInto('evaluation_answers').values({
        response_id: responseId,
        case_id: caseId,
        question_id: questionId,
        value: isText ? null : Number(value),
        text_value: isText ? String(value) : null,
      }),
    );
    written.push(questionId);
  }
  return written;
}

function consentValue(consent: boolean | null): number | null {
  return consent === null ? null : consent ? 1 : 0;
}

/** The consent to share is named in the audit row only when the write sent it. */
function shareField(input: { consentToShare?: boolean | null }): 'consentToShare'[] {
  return input.consentToShare === undefined ? [] : ['consentToShare'];
}

/**
 * The case a form is registered on, by its code: the one read the form needs of the cases (the cases
 * folder's own lookup is still on the SQLite file only), so it runs inside the form's transaction on
 * either engine.
 */
async function caseIdByCode(ctx: DbContext, code: string): Promise<number> {
  const row = await first(ctx.db, ctx.db.kysely.selectFrom('cases').select('id').where('code', '=', normaliseCaseCode(code)));
  if (!row) throw invalidField('caseCode', 'Saken finnes ikke');
  return row.id;
}

export async function registerEvaluation(ctx: WriteContext, input: ChannelParsedInput<'evaluations:register'>): Promise<EvaluationResponseDto> {
  const { actor } = ctx;
  const id = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const caseId = await caseIdByCode(txCtx, input.caseCode);
    const now = ctx.clock.now().toISOString();
    const inserted = await first(
      tx,
      tx.kysely
        .insertInto('evaluation_responses')
        .values({
          case_id: caseId,
          received_date: input.receivedDate,
          consent_to_contact: consentValue(input.consentToContact),
          consent_to_share: consentValue(input.consentToShare ?? null),
          created_at: now,
          created_by: actor.id,
          updated_at: now,
        })
        .returning('id'),
    );
    const id = inserted!.id;
    const fields = await writeAnswers(txCtx, id, caseId, input.answers);
    await recordAudit(
      txCtx,
      'create',
      'evaluation',
      id,
      auditedFields('evaluations:register', ['caseId', 'receivedDate', 'consentToContact', ...shareField(input), ...fields]),
    );
    return id;
  });
  return responseById(ctx, id);
}

/** Refuses the write if a colleague has saved the form since the client read it (migration 0013). */
const claimEvaluation = versionCheck('evaluation_responses', 'Evalueringen', EVALUATION_MISSING);

export async function updateEvaluation(ctx: WriteContext, input: ChannelParsedInput<'evaluations:update'>): Promise<EvaluationResponseDto> {
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimEvaluation(txCtx, input, 'update');
    const existing = await responseById(txCtx, input.id);
    await run(
      tx,
      tx.kysely
        .updateTable('evaluation_responses')
        .set({
          received_date: input.receivedDate,
          consent_to_contact: consentValue(input.consentToContact),
          ...(input.consentToShare === undefined ? {} : { consent_to_share: consentValue(input.consentToShare) }),
          updated_at: ctx.clock.now().toISOString(),
        })
        .where('id', '=', input.id),
    );
    const fields = await writeAnswers(txCtx, input.id, existing.caseId, input.answers);
    await recordAudit(
      txCtx,
      'update',
      'evaluation',
      input.id,
      auditedFields('evaluations:update', ['receivedDate', 'consentToContact', ...shareField(input), ...fields]),
    );
  });
  return responseById(ctx, input.id);
}

export async function deleteEvaluation(ctx: WriteContext, input: ChannelParsedInput<'evaluations:delete'>): Promise<{ id: number }> {
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimEvaluation(txCtx, input, 'delete');
    await run(tx, tx.kysely.deleteFrom('evaluation_answers').where('response_id', '=', input.id));
    await run(tx, tx.kysely.deleteFrom('evaluation_responses').where('id', '=', input.id));
    await recordAudit(txCtx, 'delete', 'evaluation', input.id);
  });
  return { id: input.id };
}

/**
 * Per question, how the year's returned forms answered: the count per scale step and the mean, through the
 * disclosure-control rule as one table (questions × scale steps, each question's answer count as its row
 * total), so a hidden count cannot be worked out from the total or the counts beside it; the mean is withheld
 * beside a hidden count (it would be a second equation over them). Free-text answers never leave this
 * service in a summary.
 */
export async function evaluationSummary(ctx: DbContext, input: { year: number }): Promise<EvaluationSummaryDto> {
  const { from, to } = yearRange(input.year);
  const totals = (await first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('evaluation_responses')
      .select((eb) => [eb.fn.countAll<number>().as('responses'), eb.fn.sum<number | null>('consent_to_contact').as('consents')])
      .where('received_date', '>=', from)
      .where('received_date', '<=', to),
  ))!;
  const counts = await all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('evaluation_answers as a')
      .innerJoin('evaluation_responses as r', 'r.id', 'a.response_id')
      .select((eb) => ['a.question_id', 'a.value', eb.fn.countAll<number>().as('n')])
      .where('r.received_date', '>=', from)
      .where('r.received_date', '<=', to)
      .where('a.value', 'is not', null)
      .groupBy(['a.question_id', 'a.value']),
  );
  const cells = EVALUATION_SCALE_QUESTIONS.map((q) => {
    const perValue = new Map(counts.filter((c) => c.question_id === q.id).map((c) => [c.value!, c.n]));
    return EVALUATION_SCALE.map((s) => perValue.get(s.value) ?? 0);
  });
  const shown = protectTable({ cells, rowTotals: true, columnTotals: false });
  const questions = EVALUATION_SCALE_QUESTIONS.map((q, row) => {
    const rowCells = cells[row]!;
    const answered = rowCells.reduce((s, n) => s + n, 0);
    const sum = rowCells.reduce((s, n, i) => s + EVALUATION_SCALE[i]!.value * n, 0);
    const rowHasHidden = shown.rowTotalHidden[row]! || shown.hidden[row]!.some(Boolean);
    return {
      questionId: q.id,
      text: q.text,
      answered: shown.rowTotalHidden[row] ? HIDDEN : { kind: 'count' as const, value: answered },
      distribution: EVALUATION_SCALE.map((s, i) => ({
        value: s.value,
        label: s.label,
        count: shown.hidden[row]![i] ? HIDDEN : { kind: 'count' as const, value: rowCells[i]! },
      })),
      mean: publishStatistic(answered === 0 ? null : Math.round((sum / answered) * 10) / 10, answered, rowHasHidden),
    };
  });
  const responses = totals.responses;
  const consents = totals.consents ?? 0;
  return {
    year: input.year,
    responses: publishCount(responses),
    // Yes is a count of people, and so is everyone-but-yes beside the published number of forms.
    consents: [responses, consents, responses - consents].some(isSmall) ? HIDDEN : publishCount(consents),
    questions,
  };
}
