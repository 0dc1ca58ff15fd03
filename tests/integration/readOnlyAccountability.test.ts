import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher';
import { fixedClock, type ReadOnlyState } from '../../electron/services/context';
import { pendingAuditPath } from '../../electron/services/audit/pendingAudit';
import { verifyAuditChain } from '../../electron/services/audit/log';
import { READ_ONLY_ALLOW, openForStartup, READ_ONLY_FILE_REASON } from '../../electron/main/startup';
import type { ApiResult } from '@shared/contract';
import { createTestDatabase, municipalityId, TEST_NOW, TEST_PASSWORD, TEST_PASSWORD_COST, type TestDatabase } from '../support/testDatabase';

/**
 * Issue 16, finding 1: a read-only instance (another PC holds the lease, recovery, a file one may not
 * write) still records sign-in failures, sign-ins and case views, holds the lockout, and answers an
 * unknown username exactly as a wrong password.
 */
const READ_ONLY: ReadOnlyState = { mode: 'read-only', reason: 'Databasefilen er skrivebeskyttet.', allow: READ_ONLY_ALLOW };

let t: TestDatabase;
let readOnlyDb: AppDatabase;
let reader: Dispatcher;
let caseId: number;
/** Moved on between attempts, so the slowdown (30 s after three failures) lets each one be checked. */
let now: Date;
const clock = { now: () => new Date(now) };

beforeEach(async () => {
  t = await createTestDatabase();
  await t.addMember('jonas', 'Jonas Berg', 'JB');
  caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-01-10' }).id;
  await t.okAsync('session:sign-out', {});
  readOnlyDb = await openDatabase(t.path, { readonly: true });
  now = new Date(TEST_NOW);
  reader = createDispatcher({ db: readOnlyDb, readOnly: READ_ONLY, clock, passwordCost: TEST_PASSWORD_COST });
});
afterEach(() => {
  readOnlyDb.close();
  t.close();
});

const signIn = (dispatcher: Dispatcher, username: string, password: string) => dispatcher.dispatchAsync('session:sign-in', { username, password });
const refusal = (result: ApiResult<unknown>) =>
  result.ok ? { ok: true } : { code: result.error.code, message: result.error.message, fieldErrors: result.error.fieldErrors };
const auditRows = (action: string) => t.db.sqlite.prepare('select actor_id, record_type, record_id from audit_log where action = ? order by id').all(action);

describe('read-only mode keeps accountability', () => {
  it('refuses the correct password after 8 wrong ones, and the failures reach the log and the counter once a writer runs', async () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      now = new Date(now.getTime() + 31_000);
      const result = await signIn(reader, 'jonas', 'feil-passord');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unauthenticated');
    }
    now = new Date(now.getTime() + 60_000);
    const correct = await signIn(reader, 'jonas', TEST_PASSWORD);
    expect(correct.ok).toBe(false);
    if (!correct.ok) expect(correct.error.message).toContain('låst');
    expect(reader.session.actor).toBeNull();

    // Beside the database, names and ids only: five counted failures (refused attempts are not counted).
    const sideFile = readFileSync(pendingAuditPath(t.path), 'utf8').trim().split('\n');
    expect(sideFile).toHaveLength(5);
    expect(sideFile.join('\n')).not.toContain('feil-passord');
    expect(auditRows('sign-in-failed')).toHaveLength(0);

    // The writing PC's next write merges them: rows in the chain, the counter moved, the side file gone.
    await t.okAsync('session:sign-in', { username: 'marit', password: TEST_PASSWORD });
    expect(auditRows('sign-in-failed')).toHaveLength(5);
    expect(t.db.sqlite.prepare("select failed_sign_ins from team_members where username = 'jonas'").get()).toEqual({ failed_sign_ins: 5 });
    expect(existsSync(pendingAuditPath(t.path))).toBe(false);
    expect(verifyAuditChain(t.db).ok).toBe(true);
    // And the lock holds on the writing PC too.
    const writerAttempt = await signIn(t.dispatcher, 'jonas', TEST_PASSWORD);
    expect(writerAttempt.ok).toBe(false);
  });

  it('records sign-ins and case views while read-only, shows them in Revisjonslogg, and merges them', async () => {
    const before = t.count('audit_log');
    expect((await signIn(reader, 'marit', TEST_PASSWORD)).ok).toBe(true);
    expect(reader.dispatch('cases:get', { id: caseId }).ok).toBe(true);
    const page = reader.dispatch('audit:list', { page: 1 });
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    const { rows } = page.value as { rows: { action: string; recordType: string; waiting?: boolean; actorName: string | null }[] };
    expect(rows.slice(0, 2)).toMatchObject([
      { action: 'view', recordType: 'case', waiting: true, actorName: 'Marit Solvang' },
      { action: 'sign-in', recordType: 'session', waiting: true },
    ]);
    expect(t.count('audit_log')).toBe(before);

    await t.okAsync('session:sign-in', { username: 'marit', password: TEST_PASSWORD });
    const merged = t.db.sqlite
      .prepare("select action, record_type, record_id from audit_log where id > ? and action in ('view', 'sign-in') order by id")
      .all(before);
    expect(merged).toEqual([
      { action: 'sign-in', record_type: 'session', record_id: String(t.member!.id) },
      { action: 'view', record_type: 'case', record_id: String(caseId) },
      { action: 'sign-in', record_type: 'session', record_id: String(t.member!.id) },
    ]);
  });
});

describe('sign-in answers do not tell which usernames exist', () => {
  for (const mode of ['writable', 'read-only'] as const) {
    it(`answers an unknown username exactly as a wrong password, attempt by attempt (${mode})`, async () => {
      const dispatcher = mode === 'writable' ? createDispatcher({ db: t.db, clock, passwordCost: TEST_PASSWORD_COST }) : reader;
      for (let attempt = 1; attempt <= 8; attempt++) {
        // Every other attempt inside the slowdown, so both the counting and the refusals are compared.
        now = new Date(now.getTime() + (attempt % 2 === 0 ? 31_000 : 1_000));
        const unknown = refusal(await signIn(dispatcher, 'finnes-ikke', 'feil-passord'));
        const wrong = refusal(await signIn(dispatcher, 'jonas', 'feil-passord'));
        expect(unknown, `forsøk ${attempt}`).toEqual(wrong);
        expect(wrong).toMatchObject({ code: 'unauthenticated' });
      }
    });
  }

  it('spends about the same time on an unknown username as on a wrong password', async () => {
    const cost = { N: 2 ** 14, r: 8, p: 1 };
    const timed = createDispatcher({ db: t.db, clock: fixedClock(TEST_NOW), passwordCost: cost });
    // Members hashed with the timed cost, so both paths run the same scrypt.
    t.db.sqlite
      .prepare("update team_members set password_hash = ? where username = 'jonas'")
      .run((await import('../../electron/services/session/passwords')).hashPassword('x', cost));
    const time = async (username: string) => {
      const start = process.hrtime.bigint();
      await signIn(timed, username, 'feil-passord');
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time('finnes-ikke');
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Two attempts each stay under the slowdown, so both paths verify a password every time.
    for (let round = 0; round < 2; round++) {
      unknown.push(await time(`ukjent-${round}`));
      wrong.push(await time('jonas'));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(wrong)).toBeLessThan(2);
  });
});

describe('a database file this user may not write', () => {
  it('opens read-only so members can sign in and read, and records the sign-in beside the file', async () => {
    const started = await openForStartup({ path: t.path, writable: () => false });
    try {
      expect(started.readOnly).toMatchObject({ mode: 'read-only', reason: READ_ONLY_FILE_REASON });
      const dispatcher = createDispatcher({ db: started.db, readOnly: started.readOnly, clock: fixedClock(TEST_NOW), passwordCost: TEST_PASSWORD_COST });
      expect((await signIn(dispatcher, 'jonas', TEST_PASSWORD)).ok).toBe(true);
      expect(dispatcher.dispatch('cases:get', { id: caseId }).ok).toBe(true);
      const refused = dispatcher.dispatch('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-01-11' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } });
      expect(readFileSync(pendingAuditPath(t.path), 'utf8')).toContain('"sign-in"');
    } finally {
      started.db.close();
    }
  });
});
