import { sql, type Updateable } from 'kysely';
import { all, first, run, transaction } from '../../db/exec';
import type { Db } from '../../db/engine';
import * as query from '../../db/query';
import type { TeamMemberRow, TeamMembersTable } from '../../db/schema';
import type { ChannelParsedInput, TeamMemberDto } from '@shared/contract';
import { requireAdministrator, signedInContext } from '../session/actor';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { Actor, DbContext, ServiceContext, SignedInContext } from '../context';
import { newPasswordHash, storePasswordHash } from '../session/credentials';
import { notFound, ServiceError } from '../errors/serviceError';
import { versionCheckSync } from '../versions/versionedRecord';

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

export function listTeamMembers(ctx: ServiceContext, input: ChannelParsedInput<'team-members:list'>): TeamMemberDto[] {
  let query = ctx.db.kysely
    .selectFrom('team_members')
    .selectAll()
    .orderBy(sql`nb_key(display_name)`);
  if (!input.includeInactive) query = query.where('active', '=', 1);
  return all(ctx.db, query).map(toTeamMemberDto);
}

export function countTeamMembers(ctx: Pick<ServiceContext, 'db'>): number {
  return (
    first(
      ctx.db,
      ctx.db.kysely.selectFrom('team_members').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0
  );
}

export function findTeamMemberByUsername(ctx: Pick<ServiceContext, 'db'>, username: string): TeamMemberRow | undefined {
  return first(ctx.db, ctx.db.kysely.selectFrom('team_members').selectAll().where('username', '=', username));
}

export function findTeamMemberById(ctx: Pick<ServiceContext, 'db'>, id: number): TeamMemberRow | undefined {
  return first(ctx.db, ctx.db.kysely.selectFrom('team_members').selectAll().where('id', '=', id));
}

const MEMBER_MISSING = 'Fant ikke teammedlemmet';

/** Refuses the write if another administrator has saved the member since the client read it (migration 0013). */
const claimMember = versionCheckSync('team_members', 'Teammedlemmet', MEMBER_MISSING);

function requireMember(ctx: ServiceContext, id: number): TeamMemberRow {
  const row = findTeamMemberById(ctx, id);
  if (!row) throw notFound(MEMBER_MISSING, 'id');
  return row;
}

function countActiveAdministrators(ctx: ServiceContext): number {
  return (
    first(
      ctx.db,
      ctx.db.kysely
        .selectFrom('team_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'administrator')
        .where('active', '=', 1),
    )?.n ?? 0
  );
}

/** The team must always keep one active administrator, or nobody could add members or read the log. */
function refuseLosingLastAdministrator(ctx: ServiceContext, row: TeamMemberRow, field: string): void {
  if (row.role === 'administrator' && row.active === 1 && countActiveAdministrators(ctx) <= 1) {
    const message = 'Teamet må ha minst én aktiv administrator';
    throw new ServiceError('conflict', message, { [field]: message });
  }
}

/**
 * On a fresh database the first member is created without an actor and becomes administrator;
 * after that only an administrator can add colleagues.
 */
export function createTeamMember(ctx: ServiceContext, input: ChannelParsedInput<'team-members:create'>): TeamMemberDto {
  if (countTeamMembers(ctx) > 0) requireAdministrator(signedInContext(ctx));
  const passwordHash = newPasswordHash(ctx, input.password);
  return transaction(ctx.db, () => {
    const bootstrap = countTeamMembers(ctx) === 0;
    if (!bootstrap) requireAdministrator(signedInContext(ctx));
    if (findTeamMemberByUsername(ctx, input.username)) {
      throw new ServiceError('conflict', 'Brukernavnet er allerede i bruk', { username: 'Brukernavnet er allerede i bruk' });
    }
    const inserted = first(
      ctx.db,
      ctx.db.kysely
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
    )!;
    const auditCtx = bootstrap ? { ...ctx, actor: toActor(inserted) } : ctx;
    recordAuditSync(
      auditCtx,
      'create',
      'team_member',
      inserted.id,
      auditedFields('team-members:create', ['username', 'displayName', 'initials', 'role', 'password']),
    );
    return toTeamMemberDto(inserted);
  });
}

export function updateTeamMember(ctx: SignedInContext, input: ChannelParsedInput<'team-members:update'>): TeamMemberDto {
  requireAdministrator(ctx);
  return transaction(ctx.db, () => {
    const row = requireMember(ctx, input.id);
    claimMember(ctx, input, 'update');
    const changes = { display_name: input.displayName, initials: input.initials, role: input.role } satisfies Updateable<TeamMembersTable>;
    const changed = [
      row.display_name !== changes.display_name ? ('displayName' as const) : null,
      row.initials !== changes.initials ? ('initials' as const) : null,
      row.role !== changes.role ? ('role' as const) : null,
    ].filter((f) => f !== null);
    if (changed.length === 0) return toTeamMemberDto(requireMember(ctx, row.id));
    if (changed.includes('role')) refuseLosingLastAdministrator(ctx, row, 'role');
    run(ctx.db, ctx.db.kysely.updateTable('team_members').set(changes).where('id', '=', row.id));
    recordAuditSync(ctx, 'update', 'team_member', row.id, auditedFields('team-members:update', changed));
    return toTeamMemberDto(requireMember(ctx, row.id));
  });
}

/** Members are never deleted: their names stay on the time entries, cases and audit rows they made. */
export function setTeamMemberActive(ctx: SignedInContext, input: ChannelParsedInput<'team-members:set-active'>): TeamMemberDto {
  const actor = requireAdministrator(ctx);
  return transaction(ctx.db, () => {
    const row = requireMember(ctx, input.id);
    claimMember(ctx, input, 'update');
    if ((row.active === 1) === input.active) return toTeamMemberDto(requireMember(ctx, row.id));
    if (!input.active) {
      if (row.id === actor.id) throw new ServiceError('conflict', 'Du kan ikke deaktivere deg selv', { active: 'Du kan ikke deaktivere deg selv' });
      refuseLosingLastAdministrator(ctx, row, 'active');
    }
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('team_members')
        .set({ active: input.active ? 1 : 0 })
        .where('id', '=', row.id),
    );
    recordAuditSync(ctx, input.active ? 'reactivate' : 'deactivate', 'team_member', row.id, auditedFields('team-members:set-active', ['active']));
    return toTeamMemberDto(requireMember(ctx, row.id));
  });
}

export function setTeamMemberPassword(ctx: SignedInContext, input: ChannelParsedInput<'team-members:set-password'>): TeamMemberDto {
  requireAdministrator(ctx);
  const passwordHash = newPasswordHash(ctx, input.password);
  return transaction(ctx.db, () => {
    const row = requireMember(ctx, input.id);
    storePasswordHash(ctx, row.id, passwordHash);
    recordAuditSync(ctx, 'password-change', 'team_member', row.id, auditedFields('team-members:set-password', ['password']));
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
