import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { bundleScript } from '../support/bundleScript';
import { keptAndFreshDailyTotals } from '../support/dailyTotals';
import type { PlanIds } from '../support/importPlans';
import { categoryId, createTestDatabase, municipalityId } from '../support/testDatabase';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WRITER_SOURCE = join(ROOT, 'tests/integration/crash/importWriter.ts');
const WRITER = join(ROOT, 'tests/artifacts/import-crash-writer.mjs');

beforeAll(() => {
  // Bundled once, as the crash test does with its writer: tsx would compile every service at each start.
  bundleScript(WRITER_SOURCE, WRITER);
}, 120_000);

const STATE = {
  entries: 'select count(*) as n, coalesce(sum(minutes), 0) as minutes from time_entries',
  keys: 'select count(*) as n from timesheet_import_rows',
  imports: 'select count(*) as n from timesheet_imports',
  cases: 'select code from cases order by code',
  audit: 'select count(*) as n, max(id) as last from audit_log',
  trigger: "select sql from sqlite_master where name = 'time_totals_after_insert'",
};

describe('a process killed in the middle of an import', () => {
  for (const mode of ['local', 'remote'] as const) {
    it(`leaves nothing of it behind (${mode === 'local' ? 'WAL' : 'rollback journal, as on a share'})`, async () => {
      const t = await createTestDatabase({ open: { remote: mode === 'remote' } });
      const ids: PlanIds = {
        municipalities: [municipalityId(t, 'Felles'), municipalityId(t, 'Steigen'), municipalityId(t, 'Fauske')],
        categories: [categoryId(t, 1), categoryId(t, 2), categoryId(t, 7)],
      };
      const state = (db: typeof t.db) => Object.fromEntries(Object.entries(STATE).map(([name, sql]) => [name, db.sqlite.prepare(sql).all()]));
      const before = state(t.db);
      const { path } = t;
      const member = String(t.member!.id);
      t.db.close();

      const child = spawnSync(process.execPath, [WRITER, path, mode, member, '20000', JSON.stringify(ids)], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(child.signal).toBe('SIGKILL');
      // It died with rows written and its transaction open, not before the write began or after it ended.
      expect(child.stdout.trim()).toBe('5000 true');

      const reopened = await openDatabase(path, { remote: mode === 'remote' });
      try {
        expect(state(reopened)).toEqual(before);
        const { kept, fresh } = keptAndFreshDailyTotals(reopened.sqlite);
        expect(kept).toEqual(fresh);
        expect(reopened.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      } finally {
        reopened.close();
        t.close();
      }
    }, 180_000);
  }
});
