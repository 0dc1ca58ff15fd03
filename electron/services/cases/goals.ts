import { first, run, transaction } from '../../db/exec';
import type { CaseGoalDto, ChannelParsedInput } from '@shared/contract';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { AuditedField } from '@shared/contract/auditedFields';
import { loadCaseRow } from './caseRow';
import type { ServiceContext, SignedInContext } from '../context';
import { notFound, ServiceError } from '../errors/serviceError';
import { versionCheckSync } from '../versions/versionedRecord';

const MAX_GOALS = 12;

function loadGoal(ctx: ServiceContext, id: number): CaseGoalDto {
  const row = first(ctx.db, ctx.db.kysely.selectFrom('case_goals').select(['id', 'text', 'status', 'version']).where('id', '=', id));
  if (!row) throw notFound(GOAL_MISSING);
  return { id: row.id, text: row.text, status: row.status, version: row.version };
}

const GOAL_MISSING = 'Målet finnes ikke';

/** Refuses the write if a colleague has saved the goal since the client read it (migration 0013). */
const claimGoal = versionCheckSync('case_goals', 'Målet', GOAL_MISSING);

/** Goals in the user's own words from the start conversation: short, and kept off clinical detail. */
export function createGoal(ctx: SignedInContext, input: ChannelParsedInput<'cases:add-goal'>): CaseGoalDto {
  return transaction(ctx.db, () => {
    const row = loadCaseRow(ctx, input.caseId);
    if (row.status === 'avvist') throw new ServiceError('conflict', 'En avvist henvisning har ingen mål', { status: 'Saken er avvist' });
    const count = first(
      ctx.db,
      ctx.db.kysely
        .selectFrom('case_goals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', input.caseId),
    )!.n;
    if (count >= MAX_GOALS) throw new ServiceError('conflict', `En sak kan ha høyst ${MAX_GOALS} mål`, { text: `En sak kan ha høyst ${MAX_GOALS} mål` });
    const now = ctx.clock.now().toISOString();
    const inserted = first(
      ctx.db,
      ctx.db.kysely
        .insertInto('case_goals')
        .values({ case_id: input.caseId, text: input.text, status: input.status, created_at: now, updated_at: now })
        .returning('id'),
    )!;
    recordAuditSync(ctx, 'create', 'case_goal', inserted.id, auditedFields('cases:add-goal', ['caseId', 'status', 'text']));
    return loadGoal(ctx, inserted.id);
  });
}

export function updateGoal(ctx: SignedInContext, input: ChannelParsedInput<'cases:update-goal'>): CaseGoalDto {
  return transaction(ctx.db, () => {
    claimGoal(ctx, input, 'update');
    const before = loadGoal(ctx, input.id);
    const fields: AuditedField<'cases:update-goal'>[] = [
      ...(input.text !== undefined && input.text !== before.text ? (['text'] as const) : []),
      ...(input.status !== undefined && input.status !== before.status ? (['status'] as const) : []),
    ];
    if (fields.length === 0) return before;
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('case_goals')
        .set({ text: input.text ?? before.text, status: input.status ?? before.status, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', input.id),
    );
    recordAuditSync(ctx, 'update', 'case_goal', input.id, auditedFields('cases:update-goal', fields));
    return loadGoal(ctx, input.id);
  });
}

export function deleteGoal(ctx: SignedInContext, input: ChannelParsedInput<'cases:delete-goal'>): { id: number } {
  return transaction(ctx.db, () => {
    claimGoal(ctx, input, 'delete');
    run(ctx.db, ctx.db.kysely.deleteFrom('case_goals').where('id', '=', input.id));
    recordAuditSync(ctx, 'delete', 'case_goal', input.id, []);
    return { id: input.id };
  });
}
