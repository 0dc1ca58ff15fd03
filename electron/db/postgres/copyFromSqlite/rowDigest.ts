import { createHash, type Hash } from 'node:crypto';

/**
 * A running SHA-256 over a table's rows in primary-key order, so a table of a million rows is compared
 * between the engines without holding either side in memory. Each row is a JSON array of its values in a
 * fixed column order; bytes become `{ "bytes": hex }`, which no text or number can be mistaken for.
 */
export class TableDigest {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  add(row: readonly unknown[]): void {
    this.rows += 1;
    this.hash.update(JSON.stringify(row.map(canonicalValue)));
    this.hash.update('\n');
  }

  /** The hex digest; the digest cannot take more rows after this. */
  finish(): string {
    return this.hash.digest('hex');
  }
}

function canonicalValue(value: unknown): unknown {
  return value instanceof Uint8Array ? { bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex') } : value;
}
