import type { z } from 'zod';
import { isoDateInOslo } from '@shared/dates';
import { futureDateErrors } from '@shared/validation/notInFuture';
import { contract, fail, isChannelName, ok, type ApiResult, type ChannelName } from '@shared/contract';
import type { AppDatabase } from '../db/open';
import { systemClock, type Clock, type Handlers, type ReadOnlyState, type ServiceContext, type SessionStore } from './context';
import { toApiError, UNAVAILABLE_MESSAGE, type ErrorReporter } from './errors/toApiError';
import { pollChanges } from '../db/changes';
import { signedInContextSync } from './session/actor';
import { mergePendingAuditInto } from './audit/mergePending';
import { cannotWrite } from './audit/recordAudit';
import { updateWitness } from './audit/witness';

export interface Dispatcher {
  /**
   * For channels whose service answers at once (nearly all of them). A channel whose service returns a
   * promise (parsing a file in a worker, an online backup) is refused here: use `dispatchAsync`.
   */
  dispatch(channel: unknown, payload: unknown): ApiResult<unknown>;
  /** Every channel, synchronous or not. IPC, the command line and the browser bridge use this one. */
  dispatchAsync(channel: unknown, payload: unknown): Promise<ApiResult<unknown>>;
  readonly session: SessionStore;
  /**
   * Switches to refusing writes while running. The next `system:status` reports it, so the window shows the banner.
   */
  setReadOnly(state: ReadOnlyState): void;
}

/** What the services get from the dispatcher as it is (each field is described on ServiceContext). */
type PassedThrough = 'passwordCost' | 'resourcesDir' | 'desktop' | 'userDataDir' | 'witnessKey' | 'switchDatabase';

export interface DispatcherCoreOptions extends Pick<ServiceContext, PassedThrough> {
  db: AppDatabase;
  clock?: Clock;
  session?: SessionStore;
  /** Told about unexpected failures: channel and error class only, never payloads or messages. */
  reportError?: ErrorReporter;
  /**
   * The service function of each channel this dispatcher answers: every one (dispatcher.ts), or only the
   * domains a command-line call needs (handlerLoaders.ts). A channel without one is refused as unknown.
   */
  handlers: Partial<Handlers>;
  /** Refuse every write (but `allow`) with this Norwegian reason: recovery mode. */
  readOnly?: ReadOnlyState | null;
}

/** What still answers while the screen is locked: nothing that shows data or changes it. */
const OPEN_WHILE_LOCKED: ReadonlySet<ChannelName> = new Set<ChannelName>(['session:get-current', 'session:unlock', 'session:sign-out']);

/**
 * The single entry point from the outside world (IPC, the command line, the browser-test bridge):
 * checks the channel, validates the payload with the contract's schema, requires a signed-in and still
 * active member for every channel the contract does not mark anonymous, runs one service function, and
 * turns every failure into a typed Norwegian error. Kept apart from handlers.ts, which imports every
 * domain: see dispatcher.ts for the dispatcher with all of them.
 */
export function createDispatcherCore(options: DispatcherCoreOptions): Dispatcher {
  const session: SessionStore = options.session ?? { actor: null };
  const clock = options.clock ?? systemClock;
  const handlers = options.handlers;
  let readOnly = options.readOnly ?? null;

  type Prepared = { failure: ApiResult<never> } | { channel: ChannelName; run: () => unknown; witness: () => void };

  function prepare(channel: unknown, payload: unknown): Prepared {
    if (!isChannelName(channel) || !handlers[channel]) return { failure: fail('unknown_channel', 'Ukjent forespørsel') };
    // Before validation: a locked screen says nothing about the data, not even what is wrong with a payload.
    if (session.locked && session.actor && !OPEN_WHILE_LOCKED.has(channel)) {
      return { failure: fail('locked', 'Skjermen er låst. Logg inn igjen for å fortsette.') };
    }
    const definition = contract[channel];
    const parsed = (definition.input as z.ZodType).safeParse(payload ?? {});
    if (!parsed.success) {
      // The service never runs on a refused input, so its «not in the future» would come one refusal later.
      const today = isoDateInOslo(clock.now());
      return { failure: validationFailure(parsed.error, futureDateErrors(definition.input as z.ZodType, payload, today)) };
    }
    if (readOnly && definition.kind === 'mutation' && !readOnly.allow?.includes(channel)) {
      return { failure: fail('storage', `${readOnly.reason} Ingenting ble lagret.`) };
    }
    if (definition.kind === 'mutation') {
      const refused = refuseWriteIntoNewerSchema(options.db);
      if (refused) return { failure: refused };
    }
    if (!definition.anonymous && !session.actor) {
      const message = definition.kind === 'mutation' ? 'Du må være logget inn for å lagre endringer' : 'Du må være logget inn';
      return { failure: fail('unauthenticated', message) };
    }
    const ctx: ServiceContext = {
      db: options.db,
      actor: session.actor,
      clock,
      session,
      readOnly,
      ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
      ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
      ...(options.desktop ? { desktop: options.desktop } : {}),
      ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
      ...(options.witnessKey ? { witnessKey: options.witnessKey } : {}),
      ...(options.switchDatabase ? { switchDatabase: options.switchDatabase } : {}),
    };
    // Before a write, the audit lines a read-only instance left beside the database join the log.
    if (definition.kind === 'mutation') mergeWaitingAudit(ctx, options.reportError);
    // Typed per channel as ContextFor<C>: an anonymous channel takes the context as it is, every other
    // one the signed-in context, checked against the database here (inside run, so a refusal is a result).
    const handler = handlers[channel] as (ctx: ServiceContext, input: unknown) => unknown;
    const witness = definition.kind === 'mutation' ? () => witnessWrite(ctx, options.reportError) : () => undefined;
    return { channel, run: () => handler(definition.anonymous ? ctx : signedInContextSync(ctx), parsed.data), witness };
  }

  const failure = (error: unknown, channel: ChannelName): ApiResult<never> => ({
    ok: false,
    error: toApiError(error, channel, options.reportError),
  });

  function dispatch(channel: unknown, payload: unknown): ApiResult<unknown> {
    const prepared = prepare(channel, payload);
    if ('failure' in prepared) return prepared.failure;
    try {
      const value = prepared.run();
      if (value instanceof Promise) {
        value.catch(() => undefined);
        throw new Error(`${prepared.channel} is asynchronous; call dispatchAsync`);
      }
      prepared.witness();
      return ok(value);
    } catch (error) {
      return failure(error, prepared.channel);
    }
  }

  async function dispatchAsync(channel: unknown, payload: unknown): Promise<ApiResult<unknown>> {
    const prepared = prepare(channel, payload);
    if ('failure' in prepared) return prepared.failure;
    try {
      const value = await prepared.run();
      prepared.witness();
      return ok(value);
    } catch (error) {
      return failure(error, prepared.channel);
    }
  }

  const setReadOnly = (state: ReadOnlyState) => {
    readOnly = state;
  };
  return { dispatch, dispatchAsync, session, setReadOnly };
}

function mergeWaitingAudit(ctx: ServiceContext, reportError: ErrorReporter | undefined): void {
  try {
    mergePendingAuditInto(ctx);
  } catch (error) {
    // Busy or full: the lines stay where they are for the next write; this write goes ahead.
    reportError?.({ channel: 'audit:merge-pending', errorName: error instanceof Error ? error.name : typeof error });
  }
}

/** Moves this PC's witness to the log's new head; a witness that cannot be written never fails the write. */
function witnessWrite(ctx: ServiceContext, reportError: ErrorReporter | undefined): void {
  if (!ctx.witnessKey || !ctx.userDataDir || cannotWrite(ctx)) return;
  try {
    updateWitness(ctx.db, ctx.userDataDir, ctx.witnessKey, ctx.clock.now());
  } catch (error) {
    reportError?.({ channel: 'audit:witness', errorName: error instanceof Error ? error.name : typeof error });
  }
}

export const UPGRADED_BY_NEWER = 'Databasen er oppgradert av en nyere versjon. Oppdater Ettervern.';

/**
 * On a shared file another PC may have migrated the schema while this one runs: one data_version read
 * before every write tells whether anything was committed elsewhere, and only then is the migrations
 * table read. This code never writes into a schema it does not know.
 */
function refuseWriteIntoNewerSchema(db: AppDatabase): ApiResult<never> | null {
  let changes;
  try {
    changes = pollChanges(db.sqlite);
  } catch (error) {
    return { ok: false, error: toApiError(error, 'database:changes') };
  }
  if (changes.unavailable) return fail('unavailable', UNAVAILABLE_MESSAGE);
  return changes.upgradedByNewer ? fail('storage', `${UPGRADED_BY_NEWER} Ingenting ble lagret.`) : null;
}

function validationFailure(error: z.ZodError, ruleErrors: Record<string, string>): ApiResult<never> {
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
  for (const [path, message] of Object.entries(ruleErrors)) fieldErrors[path] ??= message;
  const messages = [...new Set([...error.issues.map((issue) => issue.message), ...Object.values(ruleErrors)])];
  const message = messages.length === 1 ? messages[0]! : `Kontroller feltene: ${messages.slice(0, 3).join('; ')}${messages.length > 3 ? ' …' : ''}`;
  return fail('validation', message, fieldErrors);
}
