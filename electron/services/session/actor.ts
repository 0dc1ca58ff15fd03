import { first } from '../../db/exec';
import type { Actor, ServiceContext } from '../context';
import { ServiceError } from '../errors/serviceError';

/**
 * Every write names its actor; a write without one is refused before anything is read or written.
 * The member is looked up again, so one deactivated (or demoted) while signed in cannot go on writing
 * with what their sign-in said.
 */
export function requireActor(ctx: Pick<ServiceContext, 'db' | 'actor'>): Actor {
  if (!ctx.actor) throw new ServiceError('unauthenticated', 'Du må være logget inn for å lagre endringer');
  const row = first(ctx.db, ctx.db.kysely.selectFrom('team_members').select(['active', 'role']).where('id', '=', ctx.actor.id));
  if (!row || row.active !== 1) throw new ServiceError('unauthenticated', 'Brukeren er deaktivert. Logg inn på nytt.');
  return { ...ctx.actor, role: row.role };
}

/** Team administration, the audit log and retention are for the administrator (prosjektleder) only. */
export function requireAdministrator(ctx: Pick<ServiceContext, 'db' | 'actor'>): Actor {
  const actor = requireActor(ctx);
  if (actor.role !== 'administrator') {
    throw new ServiceError('forbidden', 'Bare en administrator kan gjøre dette');
  }
  return actor;
}
