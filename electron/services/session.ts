import type { SessionDto } from '../../shared/contract';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';
import { transaction } from '../db/exec';
import { countTeamMembers, findTeamMemberByUsername, toActor, toTeamMemberDto } from './teamMembers';

// Sign-in by choosing a member; passwords and lockout come with the access-control issue.
export function getSession(ctx: ServiceContext): SessionDto {
  const actor = ctx.session.actor;
  const row = actor ? findTeamMemberByUsername(ctx, actor.username) : undefined;
  return {
    member: row && row.active === 1 ? toTeamMemberDto(row) : null,
    needsFirstMember: countTeamMembers(ctx) === 0,
  };
}

export function signIn(ctx: ServiceContext, input: { username: string }): SessionDto {
  const row = findTeamMemberByUsername(ctx, input.username);
  if (!row || row.active !== 1) {
    throw new ServiceError('unauthenticated', 'Ukjent eller deaktivert bruker', { username: 'Ukjent eller deaktivert bruker' });
  }
  const actor = toActor(row);
  transaction(ctx.db, () => recordAudit({ ...ctx, actor }, 'sign-in', 'session', row.id));
  ctx.session.actor = actor;
  return getSession({ ...ctx, actor });
}

export function signOut(ctx: ServiceContext): SessionDto {
  if (ctx.session.actor) {
    transaction(ctx.db, () => recordAudit(ctx, 'sign-out', 'session', ctx.session.actor!.id));
  }
  ctx.session.actor = null;
  return getSession(ctx);
}
