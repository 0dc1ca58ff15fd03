import { run, transaction } from '../../db/query';
import type { TeamMemberRow } from '../../db/schema';
import { auditedFields, cannotWrite, pendingAuditLocation, recordAudit } from '../audit/recordAudit';
import type { DbContext, OnAnyEngine, ServiceContext } from '../context';
import { attemptVerdict, refusalMessage } from './lockout';
import { countUnknownNameFailure, memberFailureState, unknownNameFailureState } from './failureState';
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, standInHash, verifyPassword } from './passwords';

export type PasswordCheck = { ok: true; member: TeamMemberRow } | { ok: false; message?: string };

/**
 * Checks a member's password with the lockout rules applied. A wrong password is counted and audited
 * in its own transaction, so the count survives the refusal the caller throws afterwards; while the
 * database is read-only it is recorded beside the database instead (recordAudit), and the lockout
 * counts those lines too. An unknown username (or a deactivated member, or one without a password) gets
 * exactly what a wrong password gets: the same scrypt work against a stand-in hash, the same counting
 * (in memory) and so the same slowdown and lock messages.
 * `message` is set only when the refusal has something to say beyond «wrong username or password».
 */
export async function checkPassword(
  ctx: OnAnyEngine<ServiceContext>,
  row: TeamMemberRow | undefined,
  password: string,
  username = row?.username ?? '',
): Promise<PasswordCheck> {
  const cost = ctx.passwordCost ?? DEFAULT_SCRYPT_COST;
  const now = ctx.clock.now();
  const databasePath = pendingAuditLocation(ctx).databasePath;
  const known = row !== undefined && row.active === 1 && row.password_hash !== null ? row : undefined;
  const state = known ? memberFailureState(ctx, known) : unknownNameFailureState(databasePath, username);
  const verdict = attemptVerdict(state, now);
  if (!verdict.allowed) return { ok: false, message: refusalMessage(verdict, now) };

  if (!known) {
    verifyPassword(password, standInHash(cost));
    countUnknownNameFailure(databasePath, username, now);
    return { ok: false };
  }
  if (!verifyPassword(password, known.password_hash!)) {
    if (cannotWrite(ctx)) {
      await recordAudit({ ...ctx, actor: null }, 'sign-in-failed', 'session', known.id);
      return { ok: false };
    }
    await transaction(ctx.db, async (tx) => {
      await run(
        tx,
        tx.kysely
          .updateTable('team_members')
          .set({ failed_sign_ins: known.failed_sign_ins + 1, last_failed_sign_in_at: now.toISOString() })
          .where('id', '=', known.id),
      );
      await recordAudit({ ...ctx, db: tx, actor: null }, 'sign-in-failed', 'session', known.id);
    });
    return { ok: false };
  }

  const rehash = needsRehash(known.password_hash!, cost);
  // Read-only: the 'sign-in' line the caller records clears the waiting failures (failureState.ts).
  if ((known.failed_sign_ins > 0 || rehash) && !cannotWrite(ctx)) {
    await run(
      ctx.db,
      ctx.db.kysely
        .updateTable('team_members')
        .set({ failed_sign_ins: 0, last_failed_sign_in_at: null, ...(rehash ? { password_hash: hashPassword(password, cost) } : {}) })
        .where('id', '=', known.id),
    );
  }
  return { ok: true, member: known };
}

/** Hash before opening the write transaction: scrypt takes long enough to hold up other writers. */
export function newPasswordHash(ctx: Pick<ServiceContext, 'passwordCost'>, password: string): string {
  return hashPassword(password, ctx.passwordCost ?? DEFAULT_SCRYPT_COST);
}

/** A new password hash, and a clean slate for the lockout count. Call inside the write's transaction. */
export async function storePasswordHash(ctx: DbContext, memberId: number, passwordHash: string): Promise<void> {
  await run(
    ctx.db,
    ctx.db.kysely.updateTable('team_members').set({ password_hash: passwordHash, failed_sign_ins: 0, last_failed_sign_in_at: null }).where('id', '=', memberId),
  );
}

/**
 * The way back in when nobody can sign in: a database from before passwords existed, or a forgotten
 * administrator password. Whoever runs the command line already holds the database file, so this grants
 * nothing new; it is audited with no actor so the log shows a password was set from outside the app.
 */
export async function setPasswordFromCommandLine(ctx: OnAnyEngine<ServiceContext>, member: TeamMemberRow, password: string): Promise<void> {
  const passwordHash = newPasswordHash(ctx, password);
  await transaction(ctx.db, async (tx) => {
    await storePasswordHash({ db: tx }, member.id, passwordHash);
    // Named as the team page names the same change.
    await recordAudit({ ...ctx, db: tx, actor: null }, 'password-change', 'team_member', member.id, auditedFields('team-members:set-password', ['password']));
  });
}
