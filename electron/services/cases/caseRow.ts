import { first } from '../../db/exec';
import type { CaseRow } from '../../db/schema';
import type { ServiceContext, SignedInContext } from '../context';
import { notFound } from '../errors/serviceError';
import { claimVersionSync } from '../versions/versionedRecord';

/** The case's stored row, or «Saken finnes ikke»: where every write to a case starts. */
export function loadCaseRow(ctx: ServiceContext, id: number): CaseRow {
  const row = first(ctx.db, ctx.db.kysely.selectFrom('cases').selectAll().where('id', '=', id));
  if (!row) throw notFound('Saken finnes ikke');
  return row;
}

/**
 * Raises the case's version if it is still the one the case page read (a colleague's save since then
 * refuses the write), then loads the row: the start of every edit of a case, inside its transaction.
 */
export function claimCaseRow(ctx: SignedInContext, id: number, version: number): CaseRow {
  claimVersionSync(ctx, { table: 'cases', key: { id }, version, noun: 'Saken', missing: 'Saken finnes ikke' });
  return loadCaseRow(ctx, id);
}
