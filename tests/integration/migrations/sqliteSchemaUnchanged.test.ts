import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { MIGRATIONS } from '../../../electron/db/migrations';

/**
 * The SQLite migrations 0001–0016 are history: their SQL text is stored in every team's file. When the
 * PostgreSQL schema was added, seed data and the audit backfill moved into functions both engines call;
 * this pins that a fresh file still gets exactly the schema text and rows it got before (the fixture was
 * taken from the code before that change). Later migrations are left out, so adding one does not touch it.
 */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/sqlite-schema-0016.json', import.meta.url), 'utf8')) as {
  seedRowsSha256: string;
  schema: unknown[];
};

describe('the SQLite schema of migrations 0001–0016', () => {
  it('is byte-identical to the one before the PostgreSQL migrations existed, rows included', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ettervern-schema-'));
    const upTo0016 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= '0016-entry-municipality-reason'));
    expect(Object.keys(upTo0016)).toHaveLength(15);
    const db = await openDatabase(join(folder, 'schema.sqlite'), { migrations: upTo0016 });
    try {
      const schema = db.sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all();
      expect(schema).toEqual(fixture.schema);
      const tables = db.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'kysely%' order by name").all() as {
        name: string;
      }[];
      const rows: Record<string, unknown[]> = {};
      for (const { name } of tables) rows[name] = db.sqlite.prepare(`select * from "${name}" order by 1, 2`).all();
      expect(createHash('sha256').update(JSON.stringify(rows)).digest('hex')).toBe(fixture.seedRowsSha256);
    } finally {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
