import type { DatabasePresenceDto } from '@shared/contract';
import { all, run } from '../../db/exec';
import { conflictKey } from '../../db/dialect';
import type { AppDatabase } from '../../db/open';
import type { ServiceContext } from '../context';

/** The heartbeat's period, and how old a heartbeat may be before its instance counts as gone. */
export const PRESENCE_HEARTBEAT_MS = 30_000;
export const PRESENCE_STALE_AFTER_MS = 120_000;

/** Others who have the file open now: a heartbeat younger than two minutes, from another instance. */
export function databasePresence(ctx: ServiceContext): DatabasePresenceDto {
  return { others: activeOthers(ctx.db, ctx.clock.now(), PRESENCE_STALE_AFTER_MS) };
}

export function activeOthers(db: AppDatabase, now: Date, withinMs: number): DatabasePresenceDto['others'] {
  const since = new Date(now.getTime() - withinMs).toISOString();
  const rows = all(
    db,
    db.kysely
      .selectFrom('presence as p')
      .leftJoin('team_members as m', 'm.id', 'p.member_id')
      .select(['m.display_name', 'p.machine', 'p.last_seen_at'])
      .where('p.instance_id', '!=', db.instanceId)
      .where('p.last_seen_at', '>=', since)
      .orderBy('p.last_seen_at', 'desc'),
  );
  return rows.map((row) => ({ name: row.display_name ?? 'Ingen innlogget', machine: row.machine, lastSeenAt: row.last_seen_at }));
}

/**
 * This instance's heartbeat: one short autocommitted write, not an audit event (it changes nothing the
 * team works with). Stale rows of instances that died are cleared on the way.
 */
export function touchPresence(db: AppDatabase, presence: { memberId: number | null; machine: string }, now: Date): void {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - PRESENCE_STALE_AFTER_MS * 5).toISOString();
  db.sqlite
    .transaction(() => {
      run(db, db.kysely.deleteFrom('presence').where('last_seen_at', '<', stale));
      run(
        db,
        db.kysely
          .insertInto('presence')
          .values({
            instance_id: db.instanceId,
            member_id: presence.memberId,
            machine: presence.machine.slice(0, 100) || 'ukjent',
            opened_at: at,
            last_seen_at: at,
          })
          .onConflict((oc) => oc.columns(conflictKey(db, 'presence', ['instance_id'])).doUpdateSet({ member_id: presence.memberId, last_seen_at: at })),
      );
    })
    .immediate();
}

/** Removed when the instance closes the file, so colleagues stop seeing it at once. */
export function leavePresence(db: AppDatabase): void {
  run(db, db.kysely.deleteFrom('presence').where('instance_id', '=', db.instanceId));
}
