import { sql } from 'kysely';
import { all, first, run, transaction } from '../db/exec';
import type { TeamMemberRow } from '../db/schema';
import type { ChannelParsedInput, TeamMemberDto } from '../../shared/contract';
import { requireActor } from './actor';
import { recordAudit } from './audit';
import type { Actor, ServiceContext } from './context';
import { ServiceError } from './errors';

export function toTeamMemberDto(row: TeamMemberRow): TeamMemberDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    initials: row.initials,
    role: row.role,
    active: row.active === 1,
  };
}

export function toActor(row: TeamMemberRow): Actor {
  return { id: row.id, username: row.username, role: row.role };
}

export function listTeamMembers(ctx: ServiceContext, input: ChannelParsedInput<'team-members:list'>): TeamMemberDto[] {
  let query = ctx.db.kysely.selectFrom('team_members').selectAll().orderBy(sql`nb_key(display_name)`);
  if (!input.includeInactive) query = query.where('active', '=', 1);
  return all(ctx.db, query).map(toTeamMemberDto);
}

export function countTeamMembers(ctx: ServiceContext): number {
  return first(ctx.db, ctx.db.kysely.selectFrom('team_members').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

export function findTeamMemberByUsername(ctx: ServiceContext, username: string): TeamMemberRow | undefined {
  return first(ctx.db, ctx.db.kysely.selectFrom('team_members').selectAll().where('username', '=', username));
}

/**
 * On a fresh database the first member is created without an actor and becomes administrator;
 * after that only a signed-in member can add colleagues.
 */
export function createTeamMember(ctx: ServiceContext, input: ChannelParsedInput<'team-members:create'>): TeamMemberDto {
  return transaction(ctx.db, () => {
    const bootstrap = countTeamMembers(ctx) === 0;
    if (!bootstrap) requireActor(ctx);
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
        })
        .returningAll(),
    )!;
    const auditCtx = bootstrap ? { ...ctx, actor: toActor(inserted) } : ctx;
    recordAudit(auditCtx, 'create', 'team_member', inserted.id, ['username', 'displayName', 'initials', 'role']);
    return toTeamMemberDto(inserted);
  });
}

/** Active members by id; refuses unknown or inactive ids naming the field. */
export function requireActiveMembers(ctx: ServiceContext, ids: readonly number[], field: string): TeamMemberRow[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = all(ctx.db, ctx.db.kysely.selectFrom('team_members').selectAll().where('id', 'in', unique).where('active', '=', 1));
  if (rows.length !== unique.length) {
    throw new ServiceError('validation', 'Ukjent eller inaktivt teammedlem', { [field]: 'Ukjent eller inaktivt teammedlem' });
  }
  return rows;
}

