import { sql, type Updateable } from 'kysely';
import { all } from '../../db/exec';
import type { Db } from '../../db/engine';
import * as query from '../../db/query';
import type { TeamMemberRow, TeamMembersTable } from '../../db/schema';
import type { ChannelParsedInput, TeamMemberDto } from '@shared/contract';
import { nbOrder } from '../../db/dialect';
import { requireAdministrator, signedInContext } from '../session/actor';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { Actor, DbContext, OnAnyEngine, ServiceContext, SignedInContext } from '../context';
import { newPasswordHash, storePasswordHash } from '../session/credentials';
import { notFound, ServiceError } from '../errors/serviceError';
import { versionCheck } from '../versions/versionedRecord';

export function toTeamMemberDto(row: TeamMemberRow): TeamMemberDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    initials: row.initials,
    role: row.role,
    active: row.active === 1,
    version: row.version,
  };
}

export function toActor(row: TeamMemberRow): Actor {
  return { id: row.id, username: row.username, role: row.role };
}

export async function listTeamMembers(ctx: DbContext, input: ChannelParsedInput<'team-members:list'>): Promise<TeamMemberDto[]> {
  let members = ctx.db.kysely
    .selectFrom('team_members')
    .selectAll()
    .orderBy(nbOrder(ctx.db, sql.ref('display_name')));
  if (!input.includeInactive) members = members.where('active', '=', 1);
  return (await query.all(ctx.db, members)).map(toTeamMemberDto);
}

function countQuery(db: Db) {
  return db.kysely.selectFrom('team_members').select((eb) => eb.fn.countAll<number>().as('n'));
}

function byUsername(db: Db, username: string) {
  return db.kysely.selectFrom('team_members').selectAll().where('username', '=', username);
}

function byId(db: Db, id: number) {
  return db.kysely.selectFrom('team_members').selectAll().where('id', '=', id);
}

// Number(): PostgreSQL's count is a bigint; the pool reads it as a number, the type does not promise it.
export async function countTeamMembers(ctx: DbContext): Promise<number> {
  return Number((await query.first(ctx.db, countQuery(ctx.db)))?.n ?? 0);
}

export async function findTeamMemberByUsername(ctx: DbContext, username: string): Promise<TeamMemberRow | undefined> {
  return query.first(ctx.db, byUsername(ctx.db, username));
}

export async function findTeamMemberById(ctx: DbContext, id: number): Promise<TeamMemberRow | undefined> {
  return query.first(ctx.db, byId(ctx.db, id));
}

const MEMBER_MISSING = 'Fant ikke teammedlemmet';

/** Refuses the write if another administrator has saved the member since the client read it (migration 0013). */
const claimMember = versionCheck('team_members', 'Teammedlemmet', MEMBER_MISSING);

async function requireMember(ctx: DbContext, id: number): Promise<TeamMemberRow> {
  const row = await findTeamMemberById(ctx, id);
  if (!row) throw notFound(MEMBER_MISSING, 'id');
  return row;
}

async function countActiveAdministrators(ctx: DbContext): Promise<number> {
  const row = await query.first(ctx.db, countQuery(ctx.db).where('role', '=', 'administrator').where('active', '=', 1));
  return Number(row?.n ?? 0);
}

/** The team must always keep one active administrator, or nobody could add members or read the log. */
async function refuseLosingLastAdministrator(ctx: DbContext, row: TeamMemberRow, field: string): Promise<void> {
  if (row.role === 'administrator' && row.active === 1 && (await countActiveAdministrators(ctx)) <= 1) {
    const message = 'Teamet må ha minst én aktiv administrator';
    throw new ServiceError('conflict', message, { [field]: message });
  }
}

const USERNAME_TAKEN = 'Brukernavnet er allerede i bruk';

/**
 * On a fresh database the first member is created without an actor and becomes administrator;
 * after that only an administrator can add colleagues.
 */
export async function createTeamMember(ctx: OnAnyEngine<ServiceContext>, input: ChannelParsedInput<'team-members:create'>): Promise<TeamMemberDto> {
  if ((await countTeamMembers(ctx)) > 0) requireAdministrator(await signedInContext(ctx));
  const passwordHash = newPasswordHash(ctx, input.password);
  return query.transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const bootstrap = (await countTeamMembers(txCtx)) === 0;
    if (!bootstrap) requireAdministrator(await signedInContext(txCtx));
    if (await findTeamMemberByUsername(txCtx, input.username)) throw new ServiceError('conflict', USERNAME_TAKEN, { username: USERNAME_TAKEN });
    const inserted = (await query.first(
      tx,
      tx.kysely
        .insertInto('team_members')
        .values({
          username: input.username,
          display_name: input.displayName,
          initials: input.initials,
          role: bootstrap ? 'administrator' : input.role,
          created_at: ctx.clock.now().toISOString(),
          password_hash: passwordHash,
        })
        .returningAll(),
    ))!;
    const auditCtx = bootstrap ? { ...txCtx, actor: toActor(inserted) } : txCtx;
    await recordAudit(
      auditCtx,
      'create',
      'team_member',
      inserted.id,
      auditedFields('team-members:create', ['username', 'displayName', 'initials', 'role', 'password']),
    );
    return toTeamMemberDto(inserted);
  });
}

export async function updateTeamMember(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'team-members:update'>): Promise<TeamMemberDto> {
  requireAdministrator(ctx);
  return query.transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await requireMember(txCtx, input.id);
    await claimMember(txCtx, input, 'update');
    const changes = { display_name: input.displayName, initials: input.initials, role: input.role } satisfies Updateable<TeamMembersTable>;
    const changed = [
      row.display_name !== changes.display_name ? ('displayName' as const) : null,
      row.initials !== changes.initials ? ('initials' as const) : null,
      row.role !== changes.role ? ('role' as const) : null,
    ].filter((f) => f !== null);
    if (changed.length === 0) return toTeamMemberDto(await requireMember(txCtx, row.id));
    if (changed.includes('role')) await refuseLosingLastAdministrator(txCtx, row, 'role');
    await query.run(tx, tx.kysely.updateTable('team_members').set(changes).where('id', '=', row.id));
    await recordAudit(txCtx, 'update', 'team_member', row.id, auditedFields('team-members:update', changed));
    return toTeamMemberDto(await requireMember(txCtx, row.id));
  });
}

/** Members are never deleted: their names stay on the time entries, cases and audit rows they made. */
export async function setTeamMemberActive(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'team-members:set-active'>): Promise<TeamMemberDto> {
  const actor = requireAdministrator(ctx);
  return query.transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await requireMember(txCtx, input.id);
    await claimMember(txCtx, input, 'update');
    if ((row.active === 1) === input.active) return toTeamMemberDto(await requireMember(txCtx, row.id));
    if (!input.active) {
      if (row.id === actor.id) throw new ServiceError('conflict', 'Du kan ikke deaktivere deg selv', { active: 'Du kan ikke deaktivere deg selv' });
      await refuseLosingLastAdministrator(txCtx, row, 'active');
    }
    await query.run(
      tx,
      tx.kysely
        .updateTable('team_members')
        .set({ active: input.active ? 1 : 0 })
        .where('id', '=', row.id),
    );
    await recordAudit(txCtx, input.active ? 'reactivate' : 'deactivate', 'team_member', row.id, auditedFields('team-members:set-active', ['active']));
    return toTeamMemberDto(await requireMember(txCtx, row.id));
  });
}

export async function setTeamMemberPassword(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'team-members:set-password'>): Promise<TeamMemberDto> {
  requireAdministrator(ctx);
  const passwordHash = newPasswordHash(ctx, input.password);
  return query.transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await requireMember(txCtx, input.id);
    await storePasswordHash(txCtx, row.id, passwordHash);
    await recordAudit(txCtx, 'password-change', 'team_member', row.id, auditedFields('team-members:set-password', ['password']));
    return toTeamMemberDto(row);
  });
}

function activeMembersQuery(db: Db, ids: readonly number[]) {
  return db.kysely.selectFrom('team_members').selectAll().where('id', 'in', ids).where('active', '=', 1);
}

function checkedActive(rows: TeamMemberRow[], wanted: number, field: string): TeamMemberRow[] {
  if (rows.length !== wanted) {
    throw new ServiceError('validation', 'Ukjent eller inaktivt teammedlem', { [field]: 'Ukjent eller inaktivt teammedlem' });
  }
  return rows;
}

/** Active members by id; refuses unknown or inactive ids naming the field. */
export async function requireActiveMembers(ctx: DbContext, ids: readonly number[], field: string): Promise<TeamMemberRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return checkedActive(await query.all(ctx.db, activeMembersQuery(ctx.db, unique)), unique.length, field);
}

/** requireActiveMembersSync for the services still on exec.ts (SQLite only); goes with the last of them. */
export function requireActiveMembersSync(ctx: ServiceContext, ids: readonly number[], field: string): TeamMemberRow[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return checkedActive(all(ctx.db, activeMembersQuery(ctx.db, unique)), unique.length, field);
}
