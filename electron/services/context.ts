import type { AppDatabase } from '../db/open';
import type { TeamRole } from '../../shared/domain/caseStatus';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant) };
}

/** The team member on whose behalf a call runs. Needed for every write (the audit log names them). */
export interface Actor {
  id: number;
  username: string;
  role: TeamRole;
}

/** Who is signed in, held by the dispatcher for the lifetime of a window or command-line run. */
export interface SessionStore {
  actor: Actor | null;
}

export interface ServiceContext {
  db: AppDatabase;
  actor: Actor | null;
  clock: Clock;
  session: SessionStore;
}
