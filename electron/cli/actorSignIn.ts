import type { ApiResult, ChannelName } from '@shared/contract';
import type { Dispatcher } from '../services/dispatcher';

/**
 * The password comes from this environment variable, never from an argument: arguments end up in
 * shell history and process lists.
 */
export const PASSWORD_ENV = 'ETTERVERN_PASSWORD';

/** Signs `username` in on the dispatcher with the password from the environment. */
export function signInFromEnvironment(dispatcher: Dispatcher, username: string, env: NodeJS.ProcessEnv = process.env): ApiResult<unknown> {
  const password = env[PASSWORD_ENV];
  if (!password) {
    return { ok: false, error: { code: 'unauthenticated', message: `Sett passordet i miljøvariabelen ${PASSWORD_ENV} for å bruke --actor`, fieldErrors: {} } };
  }
  return dispatcher.dispatch('session:sign-in' satisfies ChannelName, { username, password });
}
