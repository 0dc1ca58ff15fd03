import { first } from '../../db/exec';
import type { CaseRow } from '../../db/schema';
import type { ServiceContext } from '../context';
import { notFound } from '../errors/serviceError';

/** The case's stored row, or «Saken finnes ikke»: where every write to a case starts. */
export function loadCaseRow(ctx: ServiceContext, id: number): CaseRow {
  const row = first(ctx.db, ctx.db.kysely.selectFrom('cases').selectAll().where('id', '=', id));
  if (!row) throw notFound('Saken finnes ikke');
  return row;
}
