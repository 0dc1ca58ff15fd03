import type { HandlersFor } from '../context';
import { changeOwnPassword, getSession, lockSession, signIn, signOut, unlockSession } from './session';

/** Signing in and out, the screen lock and one's own password. */
export const sessionHandlers: HandlersFor<'session'> = {
  'session:get-current': (ctx) => getSession(ctx),
  'session:sign-in': signIn,
  'session:sign-out': (ctx) => signOut(ctx),
  'session:lock': (ctx) => lockSession(ctx),
  'session:unlock': unlockSession,
  'session:change-password': changeOwnPassword,
};
