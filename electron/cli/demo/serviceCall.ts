import type { z } from 'zod';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput, type ChannelParsedInput } from '@shared/contract';
import type { ContextFor, SignedInContext } from '../../services/context';
import { caseWrites, type CaseWriteChannel } from '../../services/cases/writes';
import { handlers, type Handler } from '../../services/handlers';
import { first } from '../../db/exec';

/** Validates with the channel's own contract schema, exactly as the dispatcher does. */
export function parseChannelInput<C extends ChannelName>(channel: C, input: ChannelInput<C>): ChannelParsedInput<C> {
  return (contract[channel].input as z.ZodType).parse(input) as ChannelParsedInput<C>;
}

/**
 * Calls a channel's service function with an explicit actor. The demo writes on behalf of several
 * members in one run; going through the dispatcher would mean a sign-in (and an audit row) per entry.
 */
export function callChannel<C extends ChannelName>(ctx: ContextFor<C>, channel: C, input: ChannelInput<C>): ChannelOutput<C> {
  const handler = handlers[channel] as Handler<C>;
  const output = handler(ctx, parseChannelInput(channel, input));
  if (output instanceof Promise) throw new Error(`${channel} is asynchronous; call callChannelAsync`);
  return output;
}

/** `callChannel` for a channel whose service answers with a promise (the engine-neutral ones). */
export async function callChannelAsync<C extends ChannelName>(ctx: ContextFor<C>, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const handler = handlers[channel] as Handler<C>;
  return handler(ctx, parseChannelInput(channel, input));
}

/**
 * A case write as `callChannel` makes it (same validation, checks, transaction and audit row), without
 * reading the whole case back for the channel's answer: the demo never looks at it, and the reading
 * was most of the cost of walking a case through its life.
 */
export async function writeCase<C extends CaseWriteChannel>(ctx: SignedInContext, channel: C, input: Omit<ChannelInput<C>, 'version'>): Promise<void> {
  const write = caseWrites[channel] as (ctx: SignedInContext, input: ChannelParsedInput<C>) => number | Promise<number>;
  await write(ctx, parseChannelInput(channel, withCaseVersion(ctx, channel, input)));
}

/**
 * The demo is the only writer and goes straight from one step to the next, like a user on a freshly
 * loaded case page: each versioned step sends the case's version as it is now.
 */
function withCaseVersion<C extends CaseWriteChannel>(ctx: SignedInContext, channel: C, input: Omit<ChannelInput<C>, 'version'>): ChannelInput<C> {
  if (!('version' in (contract[channel].input as z.ZodObject).shape)) return input as ChannelInput<C>;
  const keys = input as { id?: number; caseId?: number };
  const id = keys.id ?? keys.caseId!;
  const { version } = first(ctx.db, ctx.db.kysely.selectFrom('cases').select('version').where('id', '=', id))!;
  return { ...input, version } as ChannelInput<C>;
}
