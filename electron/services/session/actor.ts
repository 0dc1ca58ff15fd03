import { first } from '../../db/exec';
import { SIGNED_IN, type Actor, type ServiceContext, type SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';

/**
 * The context for acting as the member on `ctx.actor`, refused when nobody is signed in. The member is
 * looked up again, so one deactivated (or demoted) while signed in cannot go on with what their
 * sign-in said. The dispatcher runs this before every channel the contract does not mark anonymous;
 * the command line, the demo and the tests use it to act as a member without the dispatcher.
 */
export function signedInContext(ctx: ServiceContext): SignedInContext {
  const { actor } = ctx;
  if (!actor) throw new ServiceError('unauthenticated', 'Du må være logget inn for å lagre endringer');
  const row = first(ctx.db, ctx.db.kysely.selectFrom('team_members').select(['active', 'role']).where('id', '=', actor.id));
  if (!row || row.active !== 1) throw new ServiceError('unauthenticated', 'Brukeren er deaktivert. Logg inn på nytt.');
  return { ...ctx, actor: { ...actor, role: row.role }, [SIGNED_IN]: true };
}

/** Team administration, the audit log and retention are for the administrator (prosjektleder) only. */
export function requireAdministrator(ctx: Pick<SignedInContext, 'actor'>, message = 'Bare en administrator kan gjøre dette'): Actor {
  if (ctx.actor.role !== 'administrator') throw new ServiceError('forbidden', message);
  return ctx.actor;
}
