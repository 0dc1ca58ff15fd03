import { run, transaction } from '../../db/exec';
import type { TeamMemberRow } from '../../db/schema';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { ServiceContext } from '../context';
import { attemptVerdict, refusalMessage } from './lockout';
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, spendVerificationTime, verifyPassword } from './passwords';

export type PasswordCheck = { ok: true; member: TeamMemberRow } | { ok: false; message?: string };

/**
 * Checks a member's password with the lockout rules applied. A wrong password is counted and audited
 * in its own transaction, so the count survives the refusal the caller throws afterwards.
 * `message` is set only when the refusal has something to say beyond «wrong username or password».
 */
export function checkPassword(ctx: ServiceContext, row: TeamMemberRow | undefined, password: string): PasswordCheck {
  const cost = ctx.passwordCost ?? DEFAULT_SCRYPT_COST;
  if (!row || row.active !== 1 || row.password_hash === null) {
    spendVerificationTime(password, cost);
    return { ok: false };
  }
  const now = ctx.clock.now();
  const verdict = attemptVerdict({ failedSignIns: row.failed_sign_ins, lastFailedAt: row.last_failed_sign_in_at }, now);
  if (!verdict.allowed) return { ok: false, message: refusalMessage(verdict, now) };

  if (!verifyPassword(password, row.password_hash)) {
    transaction(ctx.db, () => {
      run(
        ctx.db,
        ctx.db.kysely
          .updateTable('team_members')
          .set({ failed_sign_ins: row.failed_sign_ins + 1, last_failed_sign_in_at: now.toISOString() })
          .where('id', '=', row.id),
      );
      recordAudit({ ...ctx, actor: null }, 'sign-in-failed', 'session', row.id);
    });
    return { ok: false };
  }

  const rehash = needsRehash(row.password_hash, cost);
  if (row.failed_sign_ins > 0 || rehash) {
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('team_members')
        .set({ failed_sign_ins: 0, last_failed_sign_in_at: null, ...(rehash ? { password_hash: hashPassword(password, cost) } : {}) })
        .where('id', '=', row.id),
    );
  }
  return { ok: true, member: row };
}

/** Hash before opening the write transaction: scrypt takes long enough to hold up other writers. */
export function newPasswordHash(ctx: Pick<ServiceContext, 'passwordCost'>, password: string): string {
  return hashPassword(password, ctx.passwordCost ?? DEFAULT_SCRYPT_COST);
}

/** A new password hash, and a clean slate for the lockout count. Call inside the write's transaction. */
export function storePasswordHash(ctx: ServiceContext, memberId: number, passwordHash: string): void {
  run(
    ctx.db,
    ctx.db.kysely.updateTable('team_members').set({ password_hash: passwordHash, failed_sign_ins: 0, last_failed_sign_in_at: null }).where('id', '=', memberId),
  );
}

/**
 * The way back in when nobody can sign in: a database from before passwords existed, or a forgotten
 * administrator password. Whoever runs the command line already holds the database file, so this grants
 * nothing new; it is audited with no actor so the log shows a password was set from outside the app.
 */
export function setPasswordFromCommandLine(ctx: ServiceContext, member: TeamMemberRow, password: string): void {
  const passwordHash = newPasswordHash(ctx, password);
  transaction(ctx.db, () => {
    storePasswordHash(ctx, member.id, passwordHash);
    // Named as the team page names the same change.
    recordAudit({ ...ctx, actor: null }, 'password-change', 'team_member', member.id, auditedFields('team-members:set-password', ['password']));
  });
}
