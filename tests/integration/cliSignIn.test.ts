import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { cliInProcess as cli } from '../support/commandLine';
import { buildClosedCase, type DocumentCase } from '../support/documentCases';
import { createTestDatabase, FIRST_MEMBER, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';

/**
 * Every command that acts as a team member signs in the way the app does: `--actor` and the password
 * from the environment, through session:sign-in. Run in this process; the exit codes are runCli's.
 */
let t: TestDatabase;
let closed: DocumentCase;
let sheet: string;
let jonasId: number;
let entriesBefore: number;

/** Rows read through a connection of its own, as the command line has closed its own. */
function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(t.path, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const entries = () => rows<{ n: number }>('select count(*) as n from time_entries')[0]!.n;
const lastAudit = () =>
  rows<{ id: number; actor_id: number | null; action: string; record_id: string }>(
    'select id, actor_id, action, record_id from audit_log order by id desc limit 1',
  )[0]!;
const failedSignIns = (id: number) => rows<{ n: number }>('select failed_sign_ins as n from team_members where id = ?', id)[0]!.n;

const importArgs = () => ['import-timesheet', sheet, '--db', t.path];
const documentArgs = (out: string) => ['document', 'closure-report', '--case', closed.code, '--db', t.path, '--out', join(t.dir, out)];

beforeAll(async () => {
  t = await createTestDatabase();
  closed = await buildClosedCase(t);
  jonasId = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
  sheet = join(t.dir, 'Timer.xlsx');
  writeFileSync(
    sheet,
    await workbookBytes({
      Timer: [
        ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
        ['', '07.01.2020', 'Fauske', 'Veiledning', '1,5'],
      ],
    }),
  );
  // The command line opens the file itself.
  t.db.close();
  entriesBefore = entries();
}, 60_000);
afterEach(() => {
  delete process.env[PASSWORD_ENV];
});
afterAll(() => t.close());

describe('signing in on the command line', () => {
  it('refuses import-timesheet and document without --actor, before reading anything', async () => {
    process.env[PASSWORD_ENV] = TEST_PASSWORD;
    for (const args of [importArgs(), documentArgs('uten-actor.docx')]) {
      const run = await cli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Mangler --actor BRUKERNAVN');
    }
    expect(existsSync(join(t.dir, 'uten-actor.docx'))).toBe(false);
  });

  it('refuses --actor when the password is not in the environment', async () => {
    for (const args of [importArgs(), documentArgs('uten-passord.docx')]) {
      const run = await cli([...args, '--actor', FIRST_MEMBER.username]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Sett passordet i miljøvariabelen ${PASSWORD_ENV}`);
    }
    expect(entries()).toBe(entriesBefore);
  });

  it('counts and audits a wrong password exactly as the app does, and slows down after three in a row', async () => {
    process.env[PASSWORD_ENV] = 'et-feil-passord';
    const before = lastAudit().id;
    // One sign-in for every command: the failures add up across them.
    const attempts = [importArgs(), documentArgs('feil.docx'), ['call', 'session:get-current', '--db', t.path]];
    for (const [index, args] of attempts.entries()) {
      const run = await cli([...args, '--actor', 'jonas']);
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout)).toEqual({
        ok: false,
        error: { code: 'unauthenticated', message: 'Feil brukernavn eller passord', fieldErrors: { password: 'Feil brukernavn eller passord' } },
      });
      expect(failedSignIns(jonasId)).toBe(index + 1);
      expect(lastAudit()).toMatchObject({ actor_id: null, action: 'sign-in-failed', record_id: String(jonasId) });
    }
    expect(lastAudit().id).toBe(before + 3);

    process.env[PASSWORD_ENV] = TEST_PASSWORD;
    const slowed = await cli([...importArgs(), '--actor', 'jonas']);
    expect(slowed.status).toBe(1);
    expect(JSON.parse(slowed.stdout).error.message).toMatch(/^For mange feil passord på rad\. Vent \d+ sekunder/);
    expect(entries()).toBe(entriesBefore);
    expect(existsSync(join(t.dir, 'feil.docx'))).toBe(false);
  });

  it('with --actor and the right password, the import and the document are saved in the member’s name', async () => {
    process.env[PASSWORD_ENV] = TEST_PASSWORD;
    const before = lastAudit().id;
    const imported = await cli([...importArgs(), '--actor', FIRST_MEMBER.username]);
    expect(imported.status).toBe(0);
    expect(entries()).toBe(entriesBefore + 1);
    const document = await cli([...documentArgs('rapport.docx'), '--actor', FIRST_MEMBER.username]);
    expect(document.status).toBe(0);
    expect(existsSync(join(t.dir, 'rapport.docx'))).toBe(true);
    expect(rows('select distinct actor_id from audit_log where id > ?', before)).toEqual([{ actor_id: t.member!.id }]);
  });
});
