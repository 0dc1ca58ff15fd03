import type Database from 'better-sqlite3';
import { DatabaseOpenError } from './errors';
import { isMarkedShared } from './sharing';

// Kept free of Kysely, like sharing.ts: it runs while the file is being opened, before migrating.

/** A heartbeat this recent means a colleague's Ettervern may still be running on the file. */
export const UPGRADE_QUIET_MS = 5 * 60_000;

export const OTHERS_PRESENT_ADVICE = 'Be dem lukke Ettervern før oppgraderingen.';

/** Who has had the shared file open lately, as «Navn (PC)»; the presence table names members and machines only. */
export function recentlyPresent(sqlite: Database.Database, now: Date, withinMs = UPGRADE_QUIET_MS): string[] {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'presence'").get();
  if (!table) return [];
  const since = new Date(now.getTime() - withinMs).toISOString();
  const rows = sqlite
    .prepare(
      `select coalesce(m.display_name, 'Ingen innlogget') as name, p.machine as machine
         from presence p left join team_members m on m.id = p.member_id
        where p.last_seen_at >= ? order by p.last_seen_at desc`,
    )
    .all(since) as { name: string; machine: string }[];
  return rows.map((row) => `${row.name} på ${row.machine}`);
}

/**
 * Migrating a shared file under colleagues' feet stops their Ettervern from writing (the upgrade guard);
 * so a newer instance refuses while others have a fresh heartbeat, unless whoever starts it has
 * confirmed (the app's dialog, the command line's `upgrade --force`). This instance has written no
 * heartbeat yet, so every fresh row is someone else — or this PC's own run that died a moment ago.
 */
export function refuseUpgradeWhileOthersOpen(sqlite: Database.Database, now: Date): void {
  if (!isMarkedShared(sqlite)) return;
  const others = recentlyPresent(sqlite, now);
  if (others.length === 0) return;
  throw new DatabaseOpenError('others-present', `Andre har databasen åpen (${others.join(', ')}). ${OTHERS_PRESENT_ADVICE}`);
}
