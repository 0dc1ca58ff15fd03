import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from './schema';

/**
 * Each audit row carries the hash of the row before it, so a row changed or removed outside the app
 * (with the append-only triggers dropped) breaks the chain from that row on, and `audit verify` names it.
 * The hash covers every column but `hash` itself, serialised as a JSON array in a fixed order.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** A stored row; the hash columns are null only in rows written before the chain (migration 0006 fills them). */
export type ChainedAuditRow = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'> & { prev_hash: string | null; hash: string | null };

export function auditRowHash(row: Omit<ChainedAuditRow, 'hash'>): string {
  const canonical = JSON.stringify([row.id, row.at, row.actor_id, row.action, row.record_type, row.record_id, row.fields, row.prev_hash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: number; reason: 'hash' | 'link' };

/** Where a walk over the log stands after some rows: the last hash seen and how many rows came before. */
export interface ChainPosition {
  hash: string;
  rows: number;
}

export const CHAIN_START: ChainPosition = { hash: GENESIS_HASH, rows: 0 };

/**
 * Walks the rows in id order; stops at the first row whose hash or link to its predecessor is wrong. A log
 * read in pages (too large to hold at once) is walked page by page from where the previous page ended.
 */
export function verifyChain(rows: Iterable<ChainedAuditRow>, from: ChainPosition = CHAIN_START): ChainVerdict {
  let previous = from.hash;
  let count = from.rows;
  for (const row of rows) {
    count += 1;
    if (row.prev_hash !== previous) return { ok: false, rows: count, firstBrokenId: row.id, reason: 'link' };
    if (row.hash !== auditRowHash(row)) return { ok: false, rows: count, firstBrokenId: row.id, reason: 'hash' };
    previous = row.hash;
  }
  return { ok: true, rows: count };
}
