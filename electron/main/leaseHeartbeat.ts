import { LEASE_HEARTBEAT_MS, readLease, type Lease } from '../db/lease';
import type { ReadOnlyState } from '../services/context';
import { LEASE_READ_ONLY_ALLOW, leaseHeldElsewhere } from './startup';

/** When the lease file cannot be read at all, there is no holder to name. */
export const LEASE_LOST_REASON =
  'Ettervern har mistet retten til å lagre i databasen på nettverksstasjonen. Du kan lese, men ikke lagre. Start Ettervern på nytt.';

export interface LeaseHeartbeatOptions {
  lease: Lease;
  databasePath: string;
  /** Called once, when another PC has taken the lease over: from then on this instance must not write. */
  onLost: (state: ReadOnlyState) => void;
  intervalMs?: number;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Renews the lease every half minute. If ours went stale (the PC slept, the network dropped) and another
 * PC took it over, two writers on one file over SMB is what the lease exists to prevent: stop renewing
 * and hand back the read-only state naming the new holder. Returns a stop function for shutdown.
 */
export function startLeaseHeartbeat(options: LeaseHeartbeatOptions): () => void {
  const schedule = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const cancel = options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  let handle: unknown = null;
  const stop = () => {
    if (handle !== null) cancel(handle);
    handle = null;
  };
  handle = schedule(() => {
    if (handle === null || options.lease.heartbeat()) return;
    stop();
    const holder = readLease(options.databasePath);
    options.onLost(holder ? leaseHeldElsewhere(holder) : { mode: 'read-only', reason: LEASE_LOST_REASON, leaseHolder: null, allow: LEASE_READ_ONLY_ALLOW });
  }, options.intervalMs ?? LEASE_HEARTBEAT_MS);
  return stop;
}
