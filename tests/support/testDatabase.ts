import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openDatabase, type AppDatabase, type OpenDatabaseOptions } from '../../electron/db/open';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../../electron/services/dispatcher';
import { fixedClock } from '../../electron/services/context';
import type { Handlers } from '../../electron/services/handlers';
import { hashPassword, type ScryptCost } from '../../electron/services/session/passwords';
import { createTeamMember } from '../../electron/services/team/teamMembers';
import { createTeamMemberInput } from '@shared/contract/teamMembers';
import type { ApiResult, ChannelInput, ChannelName, ChannelOutput, TeamMemberDto } from '@shared/contract';

/**
 * A fresh, migrated database in its own temp folder, a dispatcher with a fixed clock, and (by default)
 * one signed-in team member. Tests talk to it the way the app does: through `dispatch`.
 */

/** «Now» for every test unless a test says otherwise: a Monday in June 2020, noon in Norway. */
/** The repository's resources/, where the shipped document templates are. */
export const TEST_RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));

export const TEST_NOW = '2020-06-15T10:00:00.000Z';

/** Every member a test helper creates has this password. */
export const TEST_PASSWORD = 'riktig-hest-batteri';

/**
 * A cheap scrypt cost for tests only: hundreds of tests sign in, and the production cost (about 128 MiB
 * and a few hundred ms per hash) would make the suite crawl. screenLock.test.ts asserts the real default.
 */
export const TEST_PASSWORD_COST: ScryptCost = { N: 1024, r: 8, p: 1 };

/** A stored hash of TEST_PASSWORD, for tests that insert members with SQL. */
export function testPasswordHash(): string {
  return hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST);
}

/**
 * A member written straight into a database a test is arranging (before any dispatcher exists), with
 * the test password, so the browser tests can sign in as them.
 */
export function insertTestMember(
  db: AppDatabase,
  member: { username: string; displayName: string; initials: string; role: 'administrator' | 'teammedlem'; createdAt?: string },
): number {
  return Number(
    db.sqlite
      .prepare('insert into team_members (username, display_name, initials, role, created_at, password_hash) values (?, ?, ?, ?, ?, ?)')
      .run(member.username, member.displayName, member.initials, member.role, member.createdAt ?? TEST_NOW, testPasswordHash()).lastInsertRowid,
  );
}

export const FIRST_MEMBER = { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', password: TEST_PASSWORD } as const;

/** Tables whose row counts tell whether a refused call wrote anything. */
export const WRITE_TABLES = ['time_entries', 'time_entry_participants', 'cases', 'case_staff', 'team_members', 'audit_log'] as const;
export type WriteTable = (typeof WRITE_TABLES)[number];

export interface TestDatabase {
  readonly dir: string;
  readonly path: string;
  readonly db: AppDatabase;
  readonly dispatcher: Dispatcher;
  /** Files the services asked the desktop to open (in Word), in order. */
  readonly opened: readonly string[];
  /** The member created and signed in at start, or null when `member: false`. */
  readonly member: TeamMemberDto | null;
  /** A typed call through the dispatcher. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): ApiResult<ChannelOutput<C>>;
  /** A typed call that must succeed; throws with the Norwegian error otherwise. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): ChannelOutput<C>;
  /** Like `call`/`ok`, for every channel including those whose service answers with a promise. */
  callAsync<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>>;
  okAsync<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** An untyped call, for payloads the contract would not let a caller write. */
  raw(channel: unknown, payload: unknown): ApiResult<unknown>;
  /**
   * Signs out whoever is signed in and signs in as `username`. Tests change the acting member only
   * through this, so how signing in works is decided in one place.
   */
  signInAs(username: string): Promise<void>;
  /**
   * Creates another active member with TEST_PASSWORD. The signed-in member is the actor when they are an
   * administrator; otherwise the first administrator is (only administrators may add members).
   */
  addMember(username: string, displayName: string, initials: string): Promise<TeamMemberDto>;
  /** Another dispatcher on the same database, session and handlers, whose clock says `now` (years later, for retention). */
  dispatcherAt(now: string): Dispatcher;
  count(table: WriteTable): number;
  counts(): Record<WriteTable, number>;
  close(): void;
}

export interface TestDatabaseOptions {
  now?: string;
  /** Create and sign in the first member (default true). */
  member?: boolean;
  open?: OpenDatabaseOptions;
  /** The services the dispatcher calls (default: the real ones); a test may wrap them to watch each call. */
  handlers?: Handlers;
}

export function makeTempDir(prefix = 'ettervern-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const temp = makeTempDir();
  const path = join(temp.dir, 'ettervern.sqlite');
  const db = await openDatabase(path, options.open);
  const clock = fixedClock(options.now ?? TEST_NOW);
  const opened: string[] = [];
  const dispatcherOptions: DispatcherOptions = {
    db,
    passwordCost: TEST_PASSWORD_COST,
    resourcesDir: TEST_RESOURCES_DIR,
    // A stand-in for the desktop: records what would have opened in Word; its dialogs are always cancelled.
    desktop: {
      openPath: async (path) => {
        opened.push(path);
        return '';
      },
      chooseFolder: async () => null,
      chooseFile: async () => null,
    },
    ...(options.handlers ? { handlers: options.handlers } : {}),
  };
  const dispatcher = createDispatcher({ ...dispatcherOptions, clock });

  const raw = (channel: unknown, payload: unknown) => dispatcher.dispatch(channel, payload);
  const call = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => dispatcher.dispatch(channel, input) as ApiResult<ChannelOutput<C>>;
  const unwrap = <C extends ChannelName>(channel: C, result: ApiResult<ChannelOutput<C>>): ChannelOutput<C> => {
    if (!result.ok) throw new Error(`${channel} feilet: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fieldErrors)}`);
    return result.value;
  };
  const ok = <C extends ChannelName>(channel: C, input: ChannelInput<C>): ChannelOutput<C> => unwrap(channel, call(channel, input));
  const callAsync = async <C extends ChannelName>(channel: C, input: ChannelInput<C>) =>
    (await dispatcher.dispatchAsync(channel, input)) as ApiResult<ChannelOutput<C>>;
  const okAsync = async <C extends ChannelName>(channel: C, input: ChannelInput<C>) => unwrap(channel, await callAsync(channel, input));
  const count = (table: WriteTable) => (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  let member: TeamMemberDto | null = null;
  if (options.member ?? true) {
    member = await okAsync('team-members:create', { ...FIRST_MEMBER });
    await okAsync('session:sign-in', { username: FIRST_MEMBER.username, password: TEST_PASSWORD });
  }

  const addMember = async (username: string, displayName: string, initials: string): Promise<TeamMemberDto> => {
    const input = { username, displayName, initials, password: TEST_PASSWORD };
    if (dispatcher.session.actor?.role === 'administrator' || dispatcher.session.actor === null) return okAsync('team-members:create', input);
    const admin = db.sqlite.prepare("select id, username, role from team_members where role = 'administrator' and active = 1 order by id limit 1").get() as {
      id: number;
      username: string;
      role: 'administrator';
    };
    const ctx = { db, actor: admin, clock, session: { actor: admin }, passwordCost: TEST_PASSWORD_COST };
    return createTeamMember(ctx, createTeamMemberInput.parse(input));
  };

  return {
    dir: temp.dir,
    path,
    db,
    dispatcher,
    opened,
    member,
    call,
    ok,
    callAsync,
    okAsync,
    raw,
    signInAs: async (username) => {
      await okAsync('session:sign-out', {});
      await okAsync('session:sign-in', { username, password: TEST_PASSWORD });
    },
    addMember,
    dispatcherAt: (now) => createDispatcher({ ...dispatcherOptions, clock: fixedClock(now), session: dispatcher.session }),
    count,
    counts: () => Object.fromEntries(WRITE_TABLES.map((t) => [t, count(t)])) as Record<WriteTable, number>,
    close: () => {
      db.close();
      temp.cleanup();
    },
  };
}

/** Ids of the seeded municipalities and categories, looked up by name so tests never assume an order. */
export function municipalityId(t: TestDatabase, name: string): number {
  const row = t.db.sqlite.prepare('select id from municipalities where name = ?').get(name) as { id: number } | undefined;
  if (!row) throw new Error(`Ingen kommune ${name}`);
  return row.id;
}

export function categoryId(t: TestDatabase, number: number): number {
  const row = t.db.sqlite.prepare('select id from categories where number = ?').get(number) as { id: number } | undefined;
  if (!row) throw new Error(`Ingen hendelse ${number}`);
  return row.id;
}

/**
 * The stored version of a record, read the way a freshly loaded page has it: tests that are not about
 * concurrent edits send it with each edit, as the page would (migration 0013).
 */
export function versionOf(
  t: Pick<TestDatabase, 'db'>,
  table: 'cases' | 'case_goals' | 'contacts' | 'time_entries' | 'settings' | 'network_events' | 'team_members' | 'evaluation_responses' | 'life_domains',
  id: number,
): number {
  if (table === 'settings') {
    // The settings form's revision: see settingsRevision in the settings service.
    return (t.db.sqlite.prepare('select coalesce(sum(version), 0) + 1 as v from settings').get() as { v: number }).v;
  }
  const row = t.db.sqlite.prepare(`select version from ${table} where id = ?`).get(id) as { version: number } | undefined;
  // A record that is gone: any version will do, the service answers not_found.
  return row?.version ?? 1;
}

/**
 * The ids of the life domains in use, in the order life-domains:list gives them: for helpers that stay
 * synchronous (that channel answers with a promise).
 */
export function activeLifeDomainIds(t: TestDatabase): number[] {
  const rows = t.db.sqlite.prepare('select id from life_domains where retired_at is null order by sort_order, id').all() as { id: number }[];
  return rows.map((row) => row.id);
}
