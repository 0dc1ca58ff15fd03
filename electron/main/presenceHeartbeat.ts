import type { AppDatabase } from '../db/open';
import { leavePresence, PRESENCE_HEARTBEAT_MS, touchPresence } from '../services/database/presence';

export interface PresenceHeartbeatOptions {
  db: AppDatabase;
  /** The PC's name, as colleagues see it in the header. */
  machine: string;
  /** Who is signed in here now, or null. */
  memberId: () => number | null;
  now: () => Date;
  /** A heartbeat that could not be written (share gone, database busy): the next one tries again. */
  onError: (error: unknown) => void;
  intervalMs?: number;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Tells colleagues this instance has the database open: one row renewed every half minute (a short
 * write, not an audit event), removed on close. Returns the stop function for shutdown.
 */
export function startPresenceHeartbeat(options: PresenceHeartbeatOptions): () => void {
  const schedule = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const cancel = options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  const beat = () => {
    try {
      touchPresence(options.db, { memberId: options.memberId(), machine: options.machine }, options.now());
    } catch (error) {
      options.onError(error);
    }
  };
  beat();
  let handle: unknown = schedule(beat, options.intervalMs ?? PRESENCE_HEARTBEAT_MS);
  return () => {
    if (handle === null) return;
    cancel(handle);
    handle = null;
    try {
      leavePresence(options.db);
    } catch (error) {
      options.onError(error);
    }
  };
}
