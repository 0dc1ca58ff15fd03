import { formatCount } from '@shared/count';

/**
 * Slowing down password guessing: after a few wrong passwords in a row the next attempt must wait a
 * little; after more, the account is locked for a while. Counted per member in the database, so
 * restarting the app does not reset it. A correct password (or an administrator setting a new one)
 * clears the count.
 */
export const LOCKOUT_POLICY = {
  /** From this many failures in a row, the next attempt waits `slowdownSeconds`. */
  slowdownAfter: 3,
  slowdownSeconds: 30,
  /** From this many failures in a row, the account is locked for `lockMinutes` after the last one. */
  lockAfter: 5,
  lockMinutes: 15,
} as const;

export interface FailureState {
  failedSignIns: number;
  lastFailedAt: string | null;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; locked: boolean; retryAt: Date };

/** Whether a sign-in attempt may check the password now. Refused attempts do not count as failures. */
export function attemptVerdict(state: FailureState, now: Date): AttemptVerdict {
  if (state.lastFailedAt === null || state.failedSignIns < LOCKOUT_POLICY.slowdownAfter) return { allowed: true };
  const locked = state.failedSignIns >= LOCKOUT_POLICY.lockAfter;
  const waitMs = locked ? LOCKOUT_POLICY.lockMinutes * 60_000 : LOCKOUT_POLICY.slowdownSeconds * 1000;
  const retryAt = new Date(new Date(state.lastFailedAt).getTime() + waitMs);
  return retryAt.getTime() > now.getTime() ? { allowed: false, locked, retryAt } : { allowed: true };
}

/** Norwegian, without the username: the refusal must not confirm which accounts exist. */
export function refusalMessage(verdict: Extract<AttemptVerdict, { allowed: false }>, now: Date): string {
  const seconds = Math.max(1, Math.ceil((verdict.retryAt.getTime() - now.getTime()) / 1000));
  if (verdict.locked) {
    const minutes = Math.ceil(seconds / 60);
    return `For mange feil passord. Kontoen er låst i ${formatCount(minutes, 'minutt')}, eller til en administrator setter nytt passord.`;
  }
  return `For mange feil passord på rad. Vent ${formatCount(seconds, 'sekund')} og prøv igjen.`;
}
