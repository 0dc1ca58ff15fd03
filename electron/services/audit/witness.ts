import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepare } from '../../db/exec';
import type { AppDatabase } from '../../db/open';

/**
 * The hash chain alone proves nothing to someone who holds the file: they can cut the tail or change a
 * row and recompute every later hash. A witness is the head of the log (row count and last hash) as
 * one PC last saw it, kept outside the database in that PC's own folder and signed with a key only that
 * PC holds. `audit verify` compares the chain with every witness it can find (witness.ts, and the heads
 * the backups carry, backupHeads.ts), so a cut tail or a rewritten chain shows, and a restore that
 * rewound the log is named with when and by whom.
 */

/** Signs with an HMAC key the PC holds (Electron's safeStorage in the app, a 0600 key file in the CLI). */
export interface WitnessKey {
  hmac(data: string): Buffer;
}

export interface AuditHead {
  rows: number;
  /** The hash of the row with id = rows, or null for an empty log. */
  hash: string | null;
}

/** A rewind this PC saw and accepted because the log itself records a restore at that point. */
export interface RewindNote {
  previous: AuditHead;
  restoreRowId: number;
  restoreAt: string;
  restoredBy: number | null;
}

export interface WitnessRecord {
  head: AuditHead;
  /** When this PC last saw the head (ISO). */
  seenAt: string;
  rewinds: RewindNote[];
}

interface StoredWitness extends WitnessRecord {
  signature: string;
}

function witnessFile(userDataDir: string, databasePath: string): string {
  const id = createHash('sha256').update(resolve(databasePath), 'utf8').digest('hex').slice(0, 16);
  return join(userDataDir, 'revisjonsvitner', `${id}.json`);
}

function signedText(databasePath: string, record: WitnessRecord): string {
  return JSON.stringify([resolve(databasePath), record.head.rows, record.head.hash, record.seenAt, record.rewinds]);
}

/** The log's head: the highest id and its hash (ids are 1, 2, 3 … with no gaps while the chain holds). */
export function readAuditHead(db: AppDatabase): AuditHead {
  const row = prepare(db, 'select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string | null } | undefined;
  return row ? { rows: row.id, hash: row.hash } : { rows: 0, hash: null };
}

export type WitnessReading = { kind: 'none' } | { kind: 'bad-signature' } | { kind: 'ok'; record: WitnessRecord };

export function readWitness(userDataDir: string, databasePath: string, key: WitnessKey): WitnessReading {
  const file = witnessFile(userDataDir, databasePath);
  if (!existsSync(file)) return { kind: 'none' };
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredWitness;
    const record: WitnessRecord = { head: stored.head, seenAt: stored.seenAt, rewinds: stored.rewinds ?? [] };
    const expected = key.hmac(signedText(databasePath, record));
    const given = Buffer.from(String(stored.signature), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'bad-signature' };
    return { kind: 'ok', record };
  } catch {
    return { kind: 'bad-signature' };
  }
}

function writeWitness(userDataDir: string, databasePath: string, key: WitnessKey, record: WitnessRecord): void {
  const file = witnessFile(userDataDir, databasePath);
  mkdirSync(join(file, '..'), { recursive: true });
  const stored: StoredWitness = { ...record, signature: key.hmac(signedText(databasePath, record)).toString('hex') };
  // Written aside and renamed, so a crash never leaves half a witness (which would read as forged).
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
  renameSync(temporary, file);
}

/** The row with this id, if the chain still has it. */
function rowHash(db: AppDatabase, id: number): string | null | undefined {
  const row = prepare(db, 'select hash from audit_log where id = ?').get(id) as { hash: string | null } | undefined;
  return row?.hash;
}

export interface RestoreRow {
  id: number;
  at: string;
  actor_id: number | null;
}

/**
 * The restore that explains why the chain no longer holds a head seen at `seenAt`: recorded after that
 * moment, at a height the head's log could have been cut back to (a restore row follows the restored
 * copy's last row, so it is at most one above the head that was lost).
 */
export function explainingRestore(db: AppDatabase, head: AuditHead, seenAt: string): RestoreRow | undefined {
  return prepare(db, "select id, at, actor_id from audit_log where action = 'restore' and id <= ? and at >= ? order by id desc limit 1").get(
    head.rows + 1,
    seenAt,
  ) as RestoreRow | undefined;
}

/** Whether the chain still contains `head`: the row at that height exists with that hash. */
export function chainContains(db: AppDatabase, head: AuditHead): boolean {
  if (head.rows === 0) return true;
  return rowHash(db, head.rows) === head.hash;
}

/**
 * Moves this PC's witness to the current head. When the chain no longer contains the head it saw, the
 * witness only moves if the log records a restore after the point where they part (the restore put an
 * older log back, and says so); otherwise it stays where it was, as evidence for `audit verify`.
 */
export function updateWitness(db: AppDatabase, userDataDir: string, key: WitnessKey, now: Date): void {
  const databasePath = db.path;
  const current = readAuditHead(db);
  const reading = readWitness(userDataDir, databasePath, key);
  if (reading.kind === 'bad-signature') return;
  const record = reading.kind === 'ok' ? reading.record : { head: { rows: 0, hash: null }, seenAt: now.toISOString(), rewinds: [] };
  if (reading.kind === 'ok' && record.head.rows === current.rows && record.head.hash === current.hash) return;
  const rewinds = [...record.rewinds];
  if (!chainContains(db, record.head)) {
    const restore = explainingRestore(db, record.head, record.seenAt);
    if (!restore) return;
    rewinds.push({ previous: record.head, restoreRowId: restore.id, restoreAt: restore.at, restoredBy: restore.actor_id });
  }
  writeWitness(userDataDir, databasePath, key, { head: current, seenAt: now.toISOString(), rewinds: rewinds.slice(-20) });
}

/** An HMAC key held as raw bytes (decrypted by safeStorage, or read from the CLI's 0600 key file). */
export function hmacKey(secret: Buffer): WitnessKey {
  return { hmac: (data) => createHmac('sha256', secret).update(data, 'utf8').digest() };
}
