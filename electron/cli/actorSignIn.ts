import type { ChannelName } from '@shared/contract';
import type { Dispatcher } from '../services/dispatcher';
import { CliFailure, valueOf } from './io';

/**
 * The password comes from this environment variable, never from an argument: arguments end up in
 * shell history and process lists.
 */
export const PASSWORD_ENV = 'ETTERVERN_PASSWORD';

/** The `--actor` option of every command that acts as a team member. */
export const ACTOR_OPTION = {
  placeholder: 'BRUKERNAVN',
  required: true,
  description: `Teammedlemmet som utfører kommandoen (revisjonsloggen viser det). Passordet leses fra ${PASSWORD_ENV}.`,
} as const;

/** The password in the environment; `what` names it in the refusal («passordet», «det nye passordet»). */
export function passwordFromEnvironment(what: string, env: NodeJS.ProcessEnv = process.env): string {
  const password = env[PASSWORD_ENV];
  if (!password) throw new CliFailure(`Sett ${what} i miljøvariabelen ${PASSWORD_ENV}`);
  return password;
}

/**
 * Signs `username` in on the dispatcher with the password from the environment, through the app's own
 * `session:sign-in`: a wrong password counts toward the lockout and is audited exactly as in the app.
 * A refusal is thrown as a ChannelRefusal; there is no other way for a command to act as someone.
 */
export async function signIn(dispatcher: Dispatcher, username: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const password = passwordFromEnvironment('passordet', env);
  valueOf(await dispatcher.dispatchAsync('session:sign-in' satisfies ChannelName, { username, password }));
}
