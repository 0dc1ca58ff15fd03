import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * One writer at a time for a database on a network share, where SQLite's own file locks cannot be
 * trusted. The lease is a small JSON file beside the database naming who holds it; the holder rewrites
 * it (the heartbeat) while it runs. A lease whose heartbeat is older than `staleAfterMs` belonged to a
 * PC that crashed or lost the network, and may be taken over.
 */
export interface LeaseInfo {
  holder: string;
  machine: string;
  heartbeatAt: string;
  token: string;
}

export interface LeaseOptions {
  databasePath: string;
  holder: string;
  machine: string;
  now: () => Date;
  staleAfterMs?: number;
}

export interface Lease {
  readonly info: LeaseInfo;
  /** Renews the heartbeat; false when another instance has taken the lease over (ours went stale). */
  heartbeat(): boolean;
  /** Removes the lease file if it is still ours. */
  release(): void;
}

export type LeaseOutcome = { kind: 'acquired'; lease: Lease } | { kind: 'held'; by: LeaseInfo };

export const LEASE_HEARTBEAT_MS = 30_000;
export const LEASE_STALE_AFTER_MS = 120_000;

export function leaseFilePath(databasePath: string): string {
  return `${databasePath}.lease`;
}

export function readLease(databasePath: string): LeaseInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(leaseFilePath(databasePath), 'utf8')) as Partial<LeaseInfo>;
    if (typeof parsed.holder !== 'string' || typeof parsed.machine !== 'string' || typeof parsed.heartbeatAt !== 'string' || typeof parsed.token !== 'string')
      return null;
    return parsed as LeaseInfo;
  } catch {
    return null;
  }
}

/** Written whole under another name and renamed, so a reader never sees half a lease. */
function writeLease(databasePath: string, info: LeaseInfo): void {
  const temporary = `${leaseFilePath(databasePath)}.${info.token}.tmp`;
  writeFileSync(temporary, JSON.stringify(info));
  renameSync(temporary, leaseFilePath(databasePath));
}

export function acquireLease(options: LeaseOptions): LeaseOutcome {
  const staleAfter = options.staleAfterMs ?? LEASE_STALE_AFTER_MS;
  const current = readLease(options.databasePath);
  if (current && options.now().getTime() - Date.parse(current.heartbeatAt) < staleAfter) return { kind: 'held', by: current };
  const mine: LeaseInfo = { holder: options.holder, machine: options.machine, heartbeatAt: options.now().toISOString(), token: randomUUID() };
  writeLease(options.databasePath, mine);
  // Two instances starting at the same moment both write; the last rename wins, and reading back tells
  // each of them which one that was.
  const winner = readLease(options.databasePath);
  if (!winner || winner.token !== mine.token) return { kind: 'held', by: winner ?? mine };
  let info = mine;
  return {
    kind: 'acquired',
    lease: {
      get info() {
        return info;
      },
      heartbeat() {
        if (readLease(options.databasePath)?.token !== info.token) return false;
        info = { ...info, heartbeatAt: options.now().toISOString() };
        writeLease(options.databasePath, info);
        return true;
      },
      release() {
        if (readLease(options.databasePath)?.token === info.token) rmSync(leaseFilePath(options.databasePath), { force: true });
      },
    },
  };
}

/** For the banner: who has the database, in words the team uses. */
export function describeLeaseHolder(by: Pick<LeaseInfo, 'holder' | 'machine'>): string {
  return `Databasen er i bruk av ${by.holder} på maskinen ${by.machine}. Du kan lese, men ikke lagre, til den personen lukker Ettervern.`;
}
