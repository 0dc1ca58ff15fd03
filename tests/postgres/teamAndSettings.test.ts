import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type ChainedAuditRow } from '../../electron/db/auditChain';
import { postgresDb, type Db } from '../../electron/db/engine';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import * as query from '../../electron/db/query';
import { fixedClock, type OnAnyEngine, type ServiceContext } from '../../electron/services/context';
import { signedInContext } from '../../electron/services/session/actor';
import { getSession, signIn } from '../../electron/services/session/session';
import { getSettings, updateSettings } from '../../electron/services/settings/settings';
import { createTeamMember, listTeamMembers, setTeamMemberActive, updateTeamMember } from '../../electron/services/team/teamMembers';
import { contract } from '@shared/contract';
import { updateSettingsInput } from '@shared/contract/settings';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from '../support/testDatabase';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * The team, session and settings services on both engines: the same calls on a new SQLite file and on a new
 * PostgreSQL database must give the same answers, the same refusals (Norwegian, word for word) and the same
 * audit rows, whose hash chain verifies on each.
 */
const NOW = '2021-03-10T09:42:00.000Z';

/** What a refused call said: its code and message, or that it was not refused. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string } | 'ikke avvist'> {
  try {
    await call;
    return 'ikke avvist';
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
}

/** Everything the scenario saw, to compare between the engines. */
async function scenario(db: Db) {
  const outside: OnAnyEngine<ServiceContext> = { db, actor: null, clock: fixedClock(NOW), session: { actor: null }, passwordCost: TEST_PASSWORD_COST };
  const before = await getSession(outside);
  const leader = await createTeamMember(outside, { username: 'marit', displayName: 'Marit Åsen', initials: 'MÅ', role: 'teammedlem', password: TEST_PASSWORD });
  const wrongPassword = await refusal(signIn(outside, { username: 'marit', password: 'feil-passord' }));
  const unknownName = await refusal(signIn(outside, { username: 'finnes-ikke', password: 'feil-passord' }));
  const signedIn = await signIn(outside, { username: 'marit', password: TEST_PASSWORD });
  const ctx = await signedInContext({ ...outside, actor: outside.session.actor });

  const memberInput = { displayName: 'Øystein Aas', initials: 'ØA', role: 'teammedlem' as const, password: TEST_PASSWORD };
  const created = await createTeamMember(ctx, { username: 'oystein', ...memberInput });
  const takenName = await refusal(createTeamMember(ctx, { username: 'oystein', ...memberInput }));
  const updated = await updateTeamMember(ctx, { id: created.id, version: created.version, displayName: 'Øystein Aasen', initials: 'ØA', role: 'teammedlem' });
  const staleUpdate = await refusal(
    updateTeamMember(ctx, { id: created.id, version: created.version, displayName: 'Øystein Berg', initials: 'ØB', role: 'teammedlem' }),
  );
  const deactivateSelf = await refusal(setTeamMemberActive(ctx, { id: leader.id, version: leader.version, active: false }));
  const deactivated = await setTeamMemberActive(ctx, { id: created.id, version: updated.version, active: false });
  const activeOnly = await listTeamMembers(ctx, { includeInactive: false });
  const everyone = await listTeamMembers(ctx, { includeInactive: true });
  const deactivatedSignIn = await refusal(signIn({ ...outside, session: { actor: null } }, { username: 'oystein', password: TEST_PASSWORD }));

  const defaults = await getSettings(ctx);
  const saved = await updateSettings(ctx, updateSettingsInput.parse({ version: defaults.version, followUpWarningWeeks: 10, idleLockMinutes: 5 }));
  const savedAgain = await updateSettings(ctx, updateSettingsInput.parse({ version: saved.version, followUpWarningWeeks: 12 }));
  const staleSettings = await refusal(updateSettings(ctx, updateSettingsInput.parse({ version: saved.version, followUpWarningWeeks: 6 })));
  const afterRefusal = await getSettings(ctx);
  // The contract's own check, before any service runs: the same Norwegian message whatever the engine.
  const outOfRange = contract['settings:update'].input.safeParse({ version: afterRefusal.version, followUpWarningWeeks: 0 });

  // The chain's own columns: the server's team_id and db_role are not in the hash and do not exist in a file.
  const chained = db.kysely
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'action', 'record_type', 'record_id', 'fields', 'prev_hash', 'hash'])
    .orderBy('id');
  const audit: ChainedAuditRow[] = await query.all(db, chained);
  return {
    before,
    leader,
    wrongPassword,
    unknownName,
    signedIn,
    created,
    takenName,
    updated,
    staleUpdate,
    deactivateSelf,
    deactivated,
    activeOnly: activeOnly.map((m) => m.username),
    everyone: everyone.map((m) => [m.username, m.displayName, m.active]),
    deactivatedSignIn,
    defaults,
    saved,
    savedAgain,
    staleSettings,
    afterRefusal,
    outOfRange: outOfRange.success ? 'godtatt' : outOfRange.error.issues.map((issue) => issue.message),
    audit: audit.map((row) => ({ ...row, id: Number(row.id), actor_id: row.actor_id === null ? null : Number(row.actor_id) })),
  };
}

let dir: string;
let sqliteFile: AppDatabase;
let server: TestPostgresDatabase;
let onSqlite: Awaited<ReturnType<typeof scenario>>;
let onPostgres: Awaited<ReturnType<typeof scenario>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ettervern-team-settings-'));
  sqliteFile = await openDatabase(join(dir, 'ettervern.sqlite'));
  server = await freshPostgresDatabase();
  onSqlite = await scenario(sqliteFile);
  onPostgres = await scenario(postgresDb(server));
}, 120_000);

afterAll(async () => {
  sqliteFile?.close();
  await server?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('team, session and settings on SQLite and on PostgreSQL', () => {
  it('give the same answers, refusals and audit rows on both engines', () => {
    expect(onPostgres).toEqual(onSqlite);
  });

  it('make the first member administrator and sign in with the password only', () => {
    expect(onPostgres.before).toEqual({ member: null, needsFirstMember: true, locked: false });
    expect(onPostgres.leader).toMatchObject({ username: 'marit', role: 'administrator', active: true });
    expect(onPostgres.signedIn.member).toMatchObject({ username: 'marit' });
    for (const refused of [onPostgres.wrongPassword, onPostgres.unknownName, onPostgres.deactivatedSignIn]) {
      expect(refused).toEqual({ code: 'unauthenticated', message: 'Feil brukernavn eller passord' });
    }
  });

  it('create, update and deactivate a member, refusing a stale version and a taken user name in Norwegian', () => {
    expect(onPostgres.takenName).toEqual({ code: 'conflict', message: 'Brukernavnet er allerede i bruk' });
    expect(onPostgres.updated).toMatchObject({ displayName: 'Øystein Aasen', version: onPostgres.created.version + 1 });
    expect(onPostgres.staleUpdate).toEqual({
      code: 'conflict',
      message: 'Teammedlemmet ble endret av Marit Åsen kl. 10.42. Last inn på nytt for å se endringene – det du skrev er ikke lagret.',
    });
    expect(onPostgres.deactivateSelf).toEqual({ code: 'conflict', message: 'Du kan ikke deaktivere deg selv' });
    expect(onPostgres.deactivated).toMatchObject({ active: false });
    expect(onPostgres.activeOnly).toEqual(['marit']);
    // By display name in Norwegian order (Ø after the Latin letters), the inactive member included.
    expect(onPostgres.everyone).toEqual([
      ['marit', 'Marit Åsen', true],
      ['oystein', 'Øystein Aasen', false],
    ]);
  });

  it('save settings, and refuse a save made on a revision read before the last one', () => {
    expect(onPostgres.defaults).toMatchObject({ followUpWarningWeeks: 8, version: 1 });
    expect(onPostgres.saved).toMatchObject({ followUpWarningWeeks: 10, idleLockMinutes: 5, version: 3 });
    expect(onPostgres.savedAgain).toMatchObject({ followUpWarningWeeks: 12, idleLockMinutes: 5, version: 4 });
    expect(onPostgres.staleSettings).toEqual({
      code: 'conflict',
      message: 'Innstillingene ble endret av Marit Åsen kl. 10.42. Last inn på nytt for å se endringene – det du skrev er ikke lagret.',
    });
    expect(onPostgres.afterRefusal).toEqual(onPostgres.savedAgain);
    expect(onPostgres.outOfRange).not.toBe('godtatt');
  });

  it('write one audit row per change, in a chain that verifies', () => {
    expect(onPostgres.audit.map((row) => [row.action, row.record_type])).toEqual([
      ['create', 'team_member'],
      ['sign-in-failed', 'session'],
      ['sign-in', 'session'],
      ['create', 'team_member'],
      ['update', 'team_member'],
      ['deactivate', 'team_member'],
      ['update', 'settings'],
      ['update', 'settings'],
    ]);
    expect(verifyChain(onPostgres.audit as ChainedAuditRow[])).toMatchObject({ ok: true, rows: 8 });
    expect(verifyChain(onSqlite.audit as ChainedAuditRow[])).toMatchObject({ ok: true, rows: 8 });
  });
});
