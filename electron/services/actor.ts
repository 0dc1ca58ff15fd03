import type { Actor, ServiceContext } from './context';
import { ServiceError } from './errors';

/** Every write names its actor; a write without one is refused before anything is read or written. */
export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new ServiceError('unauthenticated', 'Du må være logget inn for å lagre endringer');
  return ctx.actor;
}
