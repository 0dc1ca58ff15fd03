import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { auditRowHash, type ChainedAuditRow } from '../../electron/db/auditChain';
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher';
import { fixedClock } from '../../electron/services/context';
import { keyFromFile } from '../../electron/services/audit/witnessKeyFile';
import type { AuditVerifyDto } from '@shared/contract';
import { createTestDatabase, municipalityId, TEST_NOW, TEST_PASSWORD, TEST_PASSWORD_COST, type TestDatabase } from '../support/testDatabase';

/**
 * Issue 16, finding 2: the hash chain alone can be cut or recomputed by anyone with the file. This PC's
 * signed witness of the head, and the heads the backups carry, must show both, and name a restore.
 */
let t: TestDatabase;
let userDataDir: string;
let app: Dispatcher;

beforeEach(async () => {
  t = await createTestDatabase();
  userDataDir = join(t.dir, 'brukerdata');
  mkdirSync(userDataDir);
  app = createDispatcher({
    db: t.db,
    clock: fixedClock(TEST_NOW),
    passwordCost: TEST_PASSWORD_COST,
    session: t.dispatcher.session,
    userDataDir,
    witnessKey: keyFromFile(userDataDir),
  });
  const steigen = municipalityId(t, 'Steigen');
  for (const day of ['01', '02', '03', '04']) expect(app.dispatch('cases:create', { municipalityId: steigen, referralDate: `2020-03-${day}` }).ok).toBe(true);
});
afterEach(() => t.close());

const verify = () => {
  const result = app.dispatch('audit:verify', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AuditVerifyDto;
};
const rows = () => (t.db.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

/** Someone with the file and a SQLite tool: drop the guard, edit, put it back. */
function editOutsideTheApp(sql: string): void {
  t.db.sqlite.exec(`drop trigger audit_log_no_update; drop trigger audit_log_no_delete; ${sql};
    create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log er skrivebeskyttet'); end;
    create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log er skrivebeskyttet'); end;`);
}

/** Changes one row and recomputes its hash and every later one, so the chain on its own still holds. */
function rewriteRow(id: number, action: string): void {
  editOutsideTheApp(`update audit_log set action = '${action}' where id = ${id}`);
  const all = t.db.sqlite.prepare('select * from audit_log order by id').all() as ChainedAuditRow[];
  let previous: string | null = null;
  editOutsideTheApp('select 1');
  t.db.sqlite.exec('drop trigger audit_log_no_update');
  for (const row of all) {
    if (previous !== null) row.prev_hash = previous;
    const hash = auditRowHash(row);
    t.db.sqlite.prepare('update audit_log set prev_hash = ?, hash = ? where id = ?').run(row.prev_hash, hash, row.id);
    previous = hash;
  }
  t.db.sqlite.exec("create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log er skrivebeskyttet'); end;");
}

describe('audit witnesses', () => {
  it('keeps a signed witness outside the database and passes an untouched log', () => {
    const files = readdirSync(join(userDataDir, 'revisjonsvitner'));
    expect(files).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(join(userDataDir, 'revisjonsvitne.key')).mode & 0o777).toBe(0o600);
    expect(verify()).toMatchObject({ ok: true, findings: [] });
  });

  it('detects a cut tail that the chain alone calls whole', () => {
    const before = rows();
    editOutsideTheApp(`delete from audit_log where id > ${before - 2}`);
    const verdict = verify();
    expect(verdict.firstBrokenId).toBeNull();
    expect(verdict.ok).toBe(false);
    expect(verdict.findings).toEqual([expect.objectContaining({ kind: 'cut-tail', source: 'denne PC-en' })]);
    // A later write does not launder it: the witness stays at the head it saw.
    expect(app.dispatch('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-09' }).ok).toBe(true);
    const later = verify();
    expect(later.ok).toBe(false);
    expect(later.findings.map((f) => f.kind)).toEqual(['cut-tail']);
  });

  it('detects a changed row whose later hashes were recomputed', () => {
    rewriteRow(3, 'view');
    const verdict = verify();
    expect(verdict.firstBrokenId).toBeNull();
    expect(verdict).toMatchObject({ ok: false, findings: [expect.objectContaining({ kind: 'rewritten' })] });
  });

  it('refuses a witness whose signature does not match', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = join(userDataDir, 'revisjonsvitner', readdirSync(join(userDataDir, 'revisjonsvitner'))[0]!);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { head: { rows: number } };
    stored.head.rows = 2;
    writeFileSync(file, JSON.stringify(stored));
    expect(verify()).toMatchObject({ ok: false, findings: [expect.objectContaining({ kind: 'forged-witness' })] });
  });

  it('reports a restore that rewound the log, saying when and by whom, without calling it tampering', async () => {
    const backup = await app.dispatchAsync('backups:create', {});
    expect(backup.ok).toBe(true);
    const fileName = (backup as { value: { fileName: string } }).value.fileName;
    for (const day of ['05', '06']) app.dispatch('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: `2020-03-${day}` });
    const restored = await app.dispatchAsync('backups:restore', { fileName });
    expect(restored.ok).toBe(true);
    await app.dispatchAsync('session:sign-in', { username: 'marit', password: TEST_PASSWORD });
    const verdict = verify();
    expect(verdict.ok).toBe(true);
    const restore = verdict.findings.find((f) => f.kind === 'restore');
    expect(restore?.message).toMatch(/gjenoppretting 15\.06\.2020 \d\d:\d\d av Marit Solvang/);
  });

  it('the command line checks the same witnesses with its own key file', async () => {
    const cliDir = join(t.dir, 'cli-vitne');
    const run = async () => {
      let stdout = '';
      let stderr = '';
      const status = await runCli(['audit', 'verify', '--db', t.path, '--vitnemappe', cliDir], {
        out: (text) => (stdout += text),
        err: (text) => (stderr += `${text}\n`),
        now: () => new Date(TEST_NOW),
      });
      return { status, stdout, stderr };
    };
    expect((await run()).status).toBe(0);
    editOutsideTheApp(`delete from audit_log where id > ${rows() - 1}`);
    const after = await run();
    expect(after.status).toBe(1);
    expect(after.stderr).toContain('Rader er fjernet fra slutten av loggen');
  });

  it('a command-line call that writes moves the witness, so cutting that write away is reported', async () => {
    const cliDir = join(t.dir, 'cli-vitne');
    const cli = async (...args: string[]) => {
      let stderr = '';
      const status = await runCli(args, { out: () => undefined, err: (text) => (stderr += `${text}\n`), now: () => new Date(TEST_NOW) });
      return { status, stderr };
    };
    // This PC's witness at the head as it is now.
    expect((await cli('audit', 'verify', '--db', t.path, '--vitnemappe', cliDir)).status).toBe(0);
    const before = rows();
    process.env[PASSWORD_ENV] = TEST_PASSWORD;
    try {
      const payload = JSON.stringify({ municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-10' });
      const call = await cli('call', '--db', t.path, '--actor', 'marit', '--vitnemappe', cliDir, 'cases:create', payload);
      expect(call).toMatchObject({ status: 0 });
    } finally {
      delete process.env[PASSWORD_ENV];
    }
    expect(rows()).toBeGreaterThan(before);
    // Cut exactly what the command line wrote: a witness left at the old head would call the log whole.
    editOutsideTheApp(`delete from audit_log where id > ${before}`);
    const after = await cli('audit', 'verify', '--db', t.path, '--vitnemappe', cliDir);
    expect(after.status).toBe(1);
    expect(after.stderr).toContain('Rader er fjernet fra slutten av loggen');
  });
});
