import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { cliInProcess } from '../support/commandLine';
import { buildClosedCase } from '../support/documentCases';
import { createTestDatabase, FIRST_MEMBER, municipalityId, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';

/**
 * Issue 16, finding 2, for the whole command line: every command that writes to the database moves this
 * PC's signed witness to the audit log's new head, so cutting away exactly what the command wrote is
 * reported by `audit verify`. A command that left the witness where it was would let that cut pass.
 */
let t: TestDatabase;
let witnessDir: string;
const savedPassword = process.env[PASSWORD_ENV];

beforeEach(async () => {
  t = await createTestDatabase();
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01', code: '03/20-ST' });
  witnessDir = join(t.dir, 'denne-pc');
  process.env[PASSWORD_ENV] = TEST_PASSWORD;
});
afterEach(() => {
  t.close();
  if (savedPassword === undefined) delete process.env[PASSWORD_ENV];
  else process.env[PASSWORD_ENV] = savedPassword;
});

/** Audit rows in the file at `path` (0 when it has no log yet). */
function auditRows(path: string): number {
  const sqlite = new Database(path);
  try {
    return (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** Someone with the file and a SQLite tool: drops the guard, deletes the rows above `keep`, puts the guard back. */
function cutTail(path: string, keep: number): void {
  const sqlite = new Database(path);
  try {
    sqlite.exec(`drop trigger audit_log_no_delete; delete from audit_log where id > ${keep};
      create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log er skrivebeskyttet'); end;`);
  } finally {
    sqlite.close();
  }
}

const auditVerify = (path: string) => cliInProcess(['audit', 'verify', '--db', path, '--vitnemappe', witnessDir]);

interface WritingCommand {
  name: string;
  /** A database file the command makes itself, instead of the test database. */
  newFile?: string;
  args: (db: string) => Promise<string[]> | string[];
}

const actor = ['--actor', FIRST_MEMBER.username];

/** Every command that writes to an existing or new database (`upgrade` only migrates, which the log does not record). */
const WRITING_COMMANDS: WritingCommand[] = [
  {
    name: 'call',
    args: (db) => ['call', '--db', db, ...actor, 'cases:create', JSON.stringify({ municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-04-01' })],
  },
  {
    name: 'import-timesheet',
    args: async (db) => {
      const sheet = join(t.dir, 'Timeliste.xlsx');
      writeFileSync(
        sheet,
        await workbookBytes({
          Ark1: [
            ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
            ['03/20-ST', '02.03.2020', 'Steigen', 'Kjøring', 1],
          ],
        }),
      );
      return ['import-timesheet', sheet, '--db', db, ...actor];
    },
  },
  { name: 'export-timesheet', args: (db) => ['export-timesheet', '--db', db, ...actor, '--out', join(t.dir, 'timer.csv')] },
  {
    name: 'document',
    args: async (db) => ['document', 'closure-report', '--db', db, ...actor, '--case', (await buildClosedCase(t)).code, '--out', join(t.dir, 'rapport.docx')],
  },
  { name: 'annual-report', args: (db) => ['annual-report', '--db', db, ...actor, '--year', '2020', '--out', join(t.dir, 'aarsrapport')] },
  { name: 'retention', args: (db) => ['retention', '--db', db, ...actor] },
  {
    name: 'share',
    args: (db) => {
      const folder = join(t.dir, 'fellesomraade');
      mkdirSync(folder);
      return ['share', '--db', db, '--to', folder, ...actor];
    },
  },
  { name: 'set-password', args: (db) => ['set-password', '--db', db, '--user', FIRST_MEMBER.username] },
  { name: 'demo', newFile: 'demo.sqlite', args: (db) => ['demo', '--db', db, '--year', '2020'] },
  {
    name: 'first-administrator',
    newFile: 'ny.sqlite',
    args: (db) => ['first-administrator', '--db', db, '--user', 'siri', '--name', 'Siri K', '--initials', 'SK'],
  },
];

describe('every command-line command that writes moves this PC’s witness', () => {
  it.each(WRITING_COMMANDS)(
    '$name: cutting what it wrote is reported by audit verify',
    async (command) => {
      const db = command.newFile ? join(t.dir, command.newFile) : t.path;
      // This PC's witness at the head as it is before the command.
      if (!command.newFile) expect((await auditVerify(db)).status).toBe(0);
      const before = command.newFile ? 0 : auditRows(db);
      const run = await cliInProcess([...(await command.args(db)), '--vitnemappe', witnessDir]);
      expect(run.status, run.stderr).toBe(0);
      expect(auditRows(db)).toBeGreaterThan(before);
      expect((await auditVerify(db)).status, 'the untouched log passes').toBe(0);

      cutTail(db, before);
      const after = await auditVerify(db);
      expect(after.status).toBe(1);
      expect(after.stderr).toContain('Rader er fjernet fra slutten av loggen');
      // demo and annual-report build a year of data or charts: tens of seconds on a busy machine.
    },
    180_000,
  );

  it('the check can fail: a write without this PC’s folder leaves the witness behind, and the same cut passes', async () => {
    expect((await auditVerify(t.path)).status).toBe(0);
    const before = auditRows(t.path);
    const run = await cliInProcess(['set-password', '--db', t.path, '--user', FIRST_MEMBER.username]);
    expect(run.status, run.stderr).toBe(0);
    cutTail(t.path, before);
    expect((await auditVerify(t.path)).status).toBe(0);
  });

  it('a refused sign-in is a row in the log too, and moves the witness', async () => {
    expect((await auditVerify(t.path)).status).toBe(0);
    const before = auditRows(t.path);
    process.env[PASSWORD_ENV] = 'feil-passord';
    const run = await cliInProcess(['retention', '--db', t.path, ...actor, '--vitnemappe', witnessDir]);
    expect(run.status).toBe(1);
    expect(auditRows(t.path)).toBeGreaterThan(before);
    cutTail(t.path, before);
    expect((await auditVerify(t.path)).stderr).toContain('Rader er fjernet fra slutten av loggen');
  });
});

describe('restore from the command line', () => {
  it('records the restore in the log, so audit verify names it instead of calling it a cut tail', async () => {
    const copy = join(t.dir, 'kopi.sqlite');
    expect((await cliInProcess(['backup', '--db', t.path, '--out', copy])).status).toBe(0);
    // Later work this PC witnesses, which the restore then rewinds.
    for (const day of ['02', '03']) {
      const payload = JSON.stringify({ municipalityId: municipalityId(t, 'Steigen'), referralDate: `2020-04-${day}` });
      expect((await cliInProcess(['call', '--db', t.path, ...actor, '--vitnemappe', witnessDir, 'cases:create', payload])).status).toBe(0);
    }
    const seen = auditRows(t.path);
    const restored = await cliInProcess(['restore', '--db', t.path, '--from', copy, '--vitnemappe', witnessDir]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(auditRows(t.path)).toBeLessThan(seen);

    const verdict = await auditVerify(t.path);
    expect(verdict.status, verdict.stderr).toBe(0);
    const findings = (JSON.parse(verdict.stdout) as { findings: { kind: string; message: string }[] }).findings;
    expect(findings).toEqual([expect.objectContaining({ kind: 'restore' })]);
    expect(findings[0]!.message).toMatch(/spolt tilbake av en gjenoppretting \d\d\.\d\d\.\d{4} \d\d:\d\d av ukjent bruker/);
    expect(findings[0]!.message).toContain(`hadde sett ${seen} rader`);

    // The restore row itself is witnessed: cutting it away is a cut tail.
    cutTail(t.path, auditRows(t.path) - 1);
    const cut = await auditVerify(t.path);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('Rader er fjernet fra slutten av loggen');
  });
});
