import { sql, type Updateable } from 'kysely';
import { nbFold } from '../../db/dialect';
import { all, first, run, transaction } from '../../db/query';
import type { LifeDomainsTable } from '../../db/schema';
import type { ChannelParsedInput, LifeDomainDto } from '@shared/contract';
import { requireAdministrator } from '../session/actor';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { AuditedField } from '@shared/contract/auditedFields';
import type { DbContext, OnAnyEngine, SignedInContext } from '../context';
import { notFound, ServiceError } from '../errors/serviceError';
import { versionCheck } from '../versions/versionedRecord';

function toDto(row: { id: number; name: string; sort_order: number; retired_at: string | null; version: number }): LifeDomainDto {
  return { id: row.id, name: row.name, sortOrder: row.sort_order, retired: row.retired_at !== null, version: row.version };
}

const DOMAIN_MISSING = 'Livsområdet finnes ikke';

/** Refuses the write if another administrator has saved the domain since the client read it (migration 0013). */
const claimDomain = versionCheck('life_domains', 'Livsområdet', DOMAIN_MISSING);

export async function listLifeDomains(ctx: DbContext, input: ChannelParsedInput<'life-domains:list'>): Promise<LifeDomainDto[]> {
  let query = ctx.db.kysely.selectFrom('life_domains').selectAll().orderBy('sort_order').orderBy('id');
  if (!input.includeRetired) query = query.where('retired_at', 'is', null);
  return (await all(ctx.db, query)).map(toDto);
}

async function requireUniqueName(ctx: DbContext, name: string, exceptId: number | null): Promise<void> {
  const clash = await first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('life_domains')
      .select('id')
      .where(sql<boolean>`${nbFold(ctx.db, sql.ref('name'))} = ${nbFold(ctx.db, sql.val(name))}`)
      .where('id', '!=', exceptId ?? 0),
  );
  if (clash)
    throw new ServiceError('conflict', 'Det finnes allerede et livsområde med dette navnet', { name: 'Det finnes allerede et livsområde med dette navnet' });
}

const ADMINISTRATOR_ONLY = 'Bare en administrator kan endre livsområdene';

export async function createLifeDomain(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'life-domains:create'>): Promise<LifeDomainDto> {
  requireAdministrator(ctx, ADMINISTRATOR_ONLY);
  return transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await requireUniqueName(txCtx, input.name, null);
    const last =
      (
        await first(
          tx,
          tx.kysely.selectFrom('life_domains').select((eb) => eb.fn.max('sort_order').as('max')),
        )
      )?.max ?? 0;
    const row = (await first(
      tx,
      tx.kysely
        .insertInto('life_domains')
        .values({ name: input.name, sort_order: last + 1, retired_at: null })
        .returningAll(),
    ))!;
    await recordAudit(txCtx, 'create', 'life_domain', row.id, auditedFields('life-domains:create', ['name']));
    return toDto(row);
  });
}

/** A domain in use is never deleted: taking it out of use keeps old ratings readable. */
export async function updateLifeDomain(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'life-domains:update'>): Promise<LifeDomainDto> {
  requireAdministrator(ctx, ADMINISTRATOR_ONLY);
  return transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimDomain(txCtx, input, 'update');
    const row = await first(tx, tx.kysely.selectFrom('life_domains').selectAll().where('id', '=', input.id));
    if (!row) throw notFound(DOMAIN_MISSING);
    if (input.name !== undefined) await requireUniqueName(txCtx, input.name, input.id);
    const retiredAt = input.retired === undefined ? row.retired_at : input.retired ? (row.retired_at ?? ctx.clock.now().toISOString()) : null;
    const next = { name: input.name ?? row.name, sort_order: input.sortOrder ?? row.sort_order, retired_at: retiredAt } satisfies Updateable<LifeDomainsTable>;
    const fields: AuditedField<'life-domains:update'>[] = [
      ...(next.name !== row.name ? (['name'] as const) : []),
      ...(next.sort_order !== row.sort_order ? (['sortOrder'] as const) : []),
      ...(next.retired_at !== row.retired_at ? (['retired'] as const) : []),
    ];
    if (fields.length === 0) return toDto(row);
    await run(tx, tx.kysely.updateTable('life_domains').set(next).where('id', '=', input.id));
    await recordAudit(txCtx, 'update', 'life_domain', input.id, auditedFields('life-domains:update', fields));
    return toDto({ ...row, ...next });
  });
}
