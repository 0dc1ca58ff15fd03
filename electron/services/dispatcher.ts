import type { z } from 'zod';
import { contract, fail, isChannelName, ok, type ApiResult, type ChannelName } from '../../shared/contract';
import type { AppDatabase } from '../db/open';
import { systemClock, type Clock, type ServiceContext, type SessionStore } from './context';
import { handlers as defaultHandlers, type Handlers } from './handlers';
import { toApiError, type ErrorReporter } from './errorMapping';

export interface Dispatcher {
  dispatch(channel: unknown, payload: unknown): ApiResult<unknown>;
  readonly session: SessionStore;
}

export interface DispatcherOptions {
  db: AppDatabase;
  clock?: Clock;
  session?: SessionStore;
  /** Told about unexpected failures: channel and error class only, never payloads or messages. */
  reportError?: ErrorReporter;
  handlers?: Handlers;
}

/**
 * The single entry point from the outside world (IPC, the command line, the browser-test bridge):
 * checks the channel, validates the payload with the contract's schema, requires a signed-in member for
 * writes, runs one service function, and turns every failure into a typed Norwegian error.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const session: SessionStore = options.session ?? { actor: null };
  const clock = options.clock ?? systemClock;
  const handlers = options.handlers ?? defaultHandlers;

  function dispatch(channel: unknown, payload: unknown): ApiResult<unknown> {
    if (!isChannelName(channel)) return fail('unknown_channel', 'Ukjent forespørsel');
    const definition = contract[channel];
    const parsed = (definition.input as z.ZodType).safeParse(payload ?? {});
    if (!parsed.success) return validationFailure(parsed.error);
    if (definition.kind === 'mutation' && !definition.anonymous && !session.actor) {
      return fail('unauthenticated', 'Du må være logget inn for å lagre endringer');
    }
    const ctx: ServiceContext = { db: options.db, actor: session.actor, clock, session };
    try {
      const handler = handlers[channel] as (ctx: ServiceContext, input: unknown) => unknown;
      return ok(handler(ctx, parsed.data));
    } catch (error) {
      return { ok: false, error: toApiError(error, channel, options.reportError) };
    }
  }

  return { dispatch, session };
}

function validationFailure(error: z.ZodError): ApiResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // Name each extra field, shortened: keys come from the sender and could be anything.
      for (const key of issue.keys) fieldErrors[[path, key.slice(0, 40)].filter(Boolean).join('.')] ??= 'Ukjent felt';
      continue;
    }
    fieldErrors[path || '_'] ??= issue.message;
  }
  const messages = [...new Set(error.issues.map((issue) => issue.message))];
  const message = messages.length === 1 ? messages[0]! : `Kontroller feltene: ${messages.slice(0, 3).join('; ')}${messages.length > 3 ? ' …' : ''}`;
  return fail('validation', message, fieldErrors);
}

