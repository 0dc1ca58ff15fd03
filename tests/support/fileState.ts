import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createTestDatabase, municipalityId, type TestDatabase } from './testDatabase';

/**
 * A test database holding one case, with everything checkpointed into the main file: the starting
 * point for tests that assert a refused write left the file's bytes as they were.
 */
export async function createSettledDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01', code: '03/20-ST' });
  t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return t;
}

/** Hashes of the database file and its journals: equal fingerprints mean byte-for-byte equal files. */
export function fileFingerprint(path: string): string {
  return ['', '-wal', '-journal']
    .map((suffix) =>
      existsSync(path + suffix)
        ? createHash('sha256')
            .update(readFileSync(path + suffix))
            .digest('hex')
        : '-',
    )
    .join(':');
}
