import type { ChannelParsedInput, SessionDto } from '@shared/contract';
import { auditedFields, recordAudit, type AuditContext } from '../audit/recordAudit';
import type { Actor, OnAnyEngine, ServiceContext, SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { transaction } from '../../db/query';
import { checkPassword, newPasswordHash, storePasswordHash } from './credentials';
import { countTeamMembers, findTeamMemberById, findTeamMemberByUsername, toActor, toTeamMemberDto } from '../team/teamMembers';

const WRONG_CREDENTIALS = 'Feil brukernavn eller passord';

export async function getSession(ctx: OnAnyEngine<ServiceContext>): Promise<SessionDto> {
  const actor = ctx.session.actor;
  const row = actor ? await findTeamMemberById(ctx, actor.id) : undefined;
  const member = row && row.active === 1 ? toTeamMemberDto(row) : null;
  return { member, needsFirstMember: (await countTeamMembers(ctx)) === 0, locked: member !== null && ctx.session.locked === true };
}

/** One session event (sign-in, sign-out, lock, unlock) as its own audited write. */
async function recordSessionEvent(ctx: AuditContext, actor: Actor, action: 'sign-in' | 'sign-out' | 'lock' | 'unlock'): Promise<void> {
  await transaction(ctx.db, (tx) => recordAudit({ ...ctx, db: tx, actor }, action, 'session', actor.id));
}

/**
 * Username and password. The same message for an unknown user, a wrong password and a deactivated
 * account, so the answer does not tell which usernames exist; the audit log records the failure.
 */
export async function signIn(ctx: OnAnyEngine<ServiceContext>, input: ChannelParsedInput<'session:sign-in'>): Promise<SessionDto> {
  const row = await findTeamMemberByUsername(ctx, input.username);
  const checked = await checkPassword(ctx, row, input.password, input.username);
  if (!checked.ok) throw new ServiceError('unauthenticated', checked.message ?? WRONG_CREDENTIALS, { password: checked.message ?? WRONG_CREDENTIALS });
  const actor = toActor(checked.member);
  await recordSessionEvent(ctx, actor, 'sign-in');
  ctx.session.actor = actor;
  ctx.session.locked = false;
  return getSession(ctx);
}

export async function signOut(ctx: OnAnyEngine<ServiceContext>): Promise<SessionDto> {
  const actor = ctx.session.actor;
  if (actor) await recordSessionEvent(ctx, actor, 'sign-out');
  ctx.session.actor = null;
  ctx.session.locked = false;
  return getSession(ctx);
}

/** Hides the data until the same member types their password again; the member stays signed in. */
export async function lockSession(ctx: OnAnyEngine<SignedInContext>): Promise<SessionDto> {
  if (!ctx.session.locked) {
    await recordSessionEvent(ctx, ctx.actor, 'lock');
    ctx.session.locked = true;
  }
  return getSession(ctx);
}

/** The member's own password, checked with the lockout rules; refused with the message on `field`. */
async function requireOwnPassword(ctx: OnAnyEngine<SignedInContext>, password: string, field: string): Promise<void> {
  const checked = await checkPassword(ctx, await findTeamMemberById(ctx, ctx.actor.id), password);
  if (checked.ok) return;
  const message = checked.message ?? 'Feil passord';
  throw new ServiceError('unauthenticated', message, { [field]: message });
}

export async function unlockSession(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'session:unlock'>): Promise<SessionDto> {
  if (!ctx.session.locked) throw new ServiceError('conflict', 'Skjermen er ikke låst');
  await requireOwnPassword(ctx, input.password, 'password');
  await recordSessionEvent(ctx, ctx.actor, 'unlock');
  ctx.session.locked = false;
  return getSession(ctx);
}

export async function changeOwnPassword(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'session:change-password'>): Promise<SessionDto> {
  const { actor } = ctx;
  await requireOwnPassword(ctx, input.currentPassword, 'currentPassword');
  const hash = newPasswordHash(ctx, input.newPassword);
  await transaction(ctx.db, async (tx) => {
    await storePasswordHash({ db: tx }, actor.id, hash);
    await recordAudit({ ...ctx, db: tx }, 'password-change', 'team_member', actor.id, auditedFields('session:change-password', ['password']));
  });
  return getSession(ctx);
}
