import type { ChannelParsedInput, SessionDto } from '@shared/contract';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { transaction } from '../../db/exec';
import { checkPassword, newPasswordHash, storePasswordHash } from './credentials';
import { countTeamMembers, findTeamMemberById, findTeamMemberByUsername, toActor, toTeamMemberDto } from '../team/teamMembers';

const WRONG_CREDENTIALS = 'Feil brukernavn eller passord';

export function getSession(ctx: ServiceContext): SessionDto {
  const actor = ctx.session.actor;
  const row = actor ? findTeamMemberById(ctx, actor.id) : undefined;
  const member = row && row.active === 1 ? toTeamMemberDto(row) : null;
  return { member, needsFirstMember: countTeamMembers(ctx) === 0, locked: member !== null && ctx.session.locked === true };
}

/**
 * Username and password. The same message for an unknown user, a wrong password and a deactivated
 * account, so the answer does not tell which usernames exist; the audit log records the failure.
 */
export function signIn(ctx: ServiceContext, input: ChannelParsedInput<'session:sign-in'>): SessionDto {
  const row = findTeamMemberByUsername(ctx, input.username);
  const checked = checkPassword(ctx, row, input.password, input.username);
  if (!checked.ok) throw new ServiceError('unauthenticated', checked.message ?? WRONG_CREDENTIALS, { password: checked.message ?? WRONG_CREDENTIALS });
  const member = checked.member;
  const actor = toActor(member);
  transaction(ctx.db, () => recordAuditSync({ ...ctx, actor }, 'sign-in', 'session', member.id));
  ctx.session.actor = actor;
  ctx.session.locked = false;
  return getSession(ctx);
}

export function signOut(ctx: ServiceContext): SessionDto {
  const actor = ctx.session.actor;
  if (actor) transaction(ctx.db, () => recordAuditSync({ ...ctx, actor }, 'sign-out', 'session', actor.id));
  ctx.session.actor = null;
  ctx.session.locked = false;
  return getSession(ctx);
}

/** Hides the data until the same member types their password again; the member stays signed in. */
export function lockSession(ctx: SignedInContext): SessionDto {
  const { actor } = ctx;
  if (!ctx.session.locked) {
    transaction(ctx.db, () => recordAuditSync(ctx, 'lock', 'session', actor.id));
    ctx.session.locked = true;
  }
  return getSession(ctx);
}

export function unlockSession(ctx: SignedInContext, input: ChannelParsedInput<'session:unlock'>): SessionDto {
  const { actor } = ctx;
  if (!ctx.session.locked) throw new ServiceError('conflict', 'Skjermen er ikke låst');
  const checked = checkPassword(ctx, findTeamMemberById(ctx, actor.id), input.password);
  if (!checked.ok) {
    const message = checked.message ?? 'Feil passord';
    throw new ServiceError('unauthenticated', message, { password: message });
  }
  transaction(ctx.db, () => recordAuditSync(ctx, 'unlock', 'session', actor.id));
  ctx.session.locked = false;
  return getSession(ctx);
}

export function changeOwnPassword(ctx: SignedInContext, input: ChannelParsedInput<'session:change-password'>): SessionDto {
  const { actor } = ctx;
  const checked = checkPassword(ctx, findTeamMemberById(ctx, actor.id), input.currentPassword);
  if (!checked.ok) {
    const message = checked.message ?? 'Feil passord';
    throw new ServiceError('unauthenticated', message, { currentPassword: message });
  }
  const hash = newPasswordHash(ctx, input.newPassword);
  transaction(ctx.db, () => {
    storePasswordHash(ctx, actor.id, hash);
    recordAuditSync(ctx, 'password-change', 'team_member', actor.id, auditedFields('session:change-password', ['password']));
  });
  return getSession(ctx);
}
