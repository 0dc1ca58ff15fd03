import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  const steigen = municipalityId(t, 'Steigen');
  for (const day of ['01', '02', '03']) t.ok('cases:create', { municipalityId: steigen, referralDate: `2020-03-${day}` });
});
afterEach(() => t.close());

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (text) => (stdout += text), err: (text) => (stderr += `${text}\n`), now: () => new Date() });
  return { status, stdout, stderr };
}

/** What someone with the file and a SQLite tool could do: drop the guard, edit, put it back. */
function editOutsideTheApp(sql: string): void {
  t.db.sqlite.exec(`drop trigger audit_log_no_update; drop trigger audit_log_no_delete; ${sql};
    create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log er skrivebeskyttet'); end;
    create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log er skrivebeskyttet'); end;`);
}

describe('audit log integrity', () => {
  it('the triggers refuse UPDATE and DELETE, through any connection', () => {
    expect(() => t.db.sqlite.prepare('update audit_log set actor_id = null where id = 2').run()).toThrow(/skrivebeskyttet/);
    expect(() => t.db.sqlite.prepare('delete from audit_log where id = 2').run()).toThrow(/skrivebeskyttet/);
    expect(t.ok('audit:verify', {})).toEqual({ ok: true, rows: 5, firstBrokenId: null, findings: [] });
  });

  it('verify passes on an intact log and exits 0', async () => {
    const run = await cli('audit', 'verify', '--db', t.path);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, rows: 5, firstBrokenId: null, findings: [] });
  });

  it('an edited row is named by the CLI, which exits non-zero (in its own process)', async () => {
    editOutsideTheApp("update audit_log set action = 'view' where id = 3");
    expect(t.ok('audit:verify', {})).toEqual({ ok: false, rows: 3, firstBrokenId: 3, findings: [] });
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/index.ts', 'audit', 'verify', '--db', t.path],
        { cwd: ROOT, encoding: 'utf8' },
        (error, stdout, stderr) => done({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('første brutte rad er nr. 3');
  }, 60_000);

  it('a deleted row breaks the link of the row after it', async () => {
    editOutsideTheApp('delete from audit_log where id = 2');
    const run = await cli('audit', 'verify', '--db', t.path);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('exports the log to .xlsx with Norwegian headers, from the CLI and from the channel', async () => {
    const out = join(t.dir, 'logg.xlsx');
    const run = await cli('audit', 'export', '--db', t.path, '--out', out);
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Revisjonslogg')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nr.', 'Tidspunkt', 'Teammedlem', 'Handling', 'Posttype', 'Post-ID', 'Sak', 'Felt som ble endret']);
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(4).value).toBe('Opprettet');
    expect(sheet.getRow(2).getCell(7).value).toBe('03/20-ST');

    const viaChannel = await t.okAsync('audit:export', { filter: { action: 'create' } });
    const fromChannel = new ExcelJS.Workbook();
    await fromChannel.xlsx.load(Buffer.from(viaChannel.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(viaChannel.rows).toBe(4);
    expect(viaChannel.fileName).toBe('revisjonslogg-2020-06-15.xlsx');
  });

  it('lists with filters by member, case, action and period, for administrators only', async () => {
    const all = t.ok('audit:list', {});
    expect(all.total).toBe(5);
    expect(all.rows[0]).toMatchObject({ action: 'create', recordType: 'case', caseCode: '03/20-ST', actorName: 'Marit Solvang' });
    expect(t.ok('audit:list', { filter: { caseCode: '02/20-st' } }).rows.map((r) => r.caseCode)).toEqual(['02/20-ST']);
    expect(t.ok('audit:list', { filter: { action: 'sign-in', actorId: t.member!.id } }).total).toBe(1);
    expect(t.ok('audit:list', { filter: { from: '2020-06-16' } }).total).toBe(0);
    expect(t.ok('audit:list', { filter: { from: '2020-06-15', to: '2020-06-15' } }).total).toBe(5);

    await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.signInAs('jonas');
    expect(t.call('audit:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.call('audit:verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
