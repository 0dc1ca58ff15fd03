import { first } from '../../db/exec';
import type { Db } from '../../db/engine';
import * as query from '../../db/query';
import { SIGNED_IN, type Actor, type OnAnyEngine, type ServiceContext, type SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';

function memberStateQuery(db: Db, id: number) {
  return db.kysely.selectFrom('team_members').select(['active', 'role']).where('id', '=', id);
}

function signedInActor(actor: Actor | null, row: { active: number; role: Actor['role'] } | undefined): Actor {
  if (!row || row.active !== 1) throw new ServiceError('unauthenticated', 'Brukeren er deaktivert. Logg inn på nytt.');
  return { ...actor!, role: row.role };
}

function requireActor(ctx: Pick<ServiceContext, 'actor'>): Actor {
  if (!ctx.actor) throw new ServiceError('unauthenticated', 'Du må være logget inn for å lagre endringer');
  return ctx.actor;
}

/**
 * The context for acting as the member on `ctx.actor`, refused when nobody is signed in. The member is
 * looked up again, so one deactivated (or demoted) while signed in cannot go on with what their
 * sign-in said. The command line, the demo and the tests use it to act as a member without the dispatcher.
 */
export async function signedInContext<C extends OnAnyEngine<ServiceContext>>(ctx: C): Promise<C & OnAnyEngine<SignedInContext>> {
  const actor = requireActor(ctx);
  const row = await query.first(ctx.db, memberStateQuery(ctx.db, actor.id));
  return { ...ctx, actor: signedInActor(actor, row), [SIGNED_IN]: true };
}

/**
 * signedInContext on the SQLite file, synchronously: the dispatcher runs it before every channel the
 * contract does not mark anonymous, on its synchronous path too; the services still on exec.ts use it.
 */
export function signedInContextSync(ctx: ServiceContext): SignedInContext {
  const actor = requireActor(ctx);
  const row = first(ctx.db, memberStateQuery(ctx.db, actor.id));
  return { ...ctx, actor: signedInActor(actor, row), [SIGNED_IN]: true };
}

/** Team administration, the audit log and retention are for the administrator (prosjektleder) only. */
export function requireAdministrator(ctx: Pick<SignedInContext, 'actor'>, message = 'Bare en administrator kan gjøre dette'): Actor {
  if (ctx.actor.role !== 'administrator') throw new ServiceError('forbidden', message);
  return ctx.actor;
}
