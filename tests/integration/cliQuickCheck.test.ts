import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { STATE_DIR_ENV } from '../../electron/cli/stateFolder';
import { createCheckHistory, SMALL_FILE_BYTES } from '../../electron/db/checkPlan';
import { cliInProcess } from '../support/commandLine';
import { createTestDatabase, FIRST_MEMBER, municipalityId, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';

/**
 * Issue 18: the command line asks the app's question (db/checkPlan.ts) instead of running quick_check on
 * every open, and issue 16 finding 6 still holds: a file left mid-write, or whose last check failed, is
 * checked before anything writes to it and refused when damaged. The file is just over the size the app
 * checks before every open, and its damage lies in pages no command reads (a ballast table's overflow
 * chain), so only quick_check can see it: a command that succeeds on it did not run one.
 */
let t: TestDatabase;
let folder: string;
let steigen: number;
const savedPassword = process.env[PASSWORD_ENV];

beforeAll(async () => {
  t = await createTestDatabase();
  steigen = municipalityId(t, 'Steigen');
  t.db.close();
  folder = join(t.dir, 'denne-pc');
  const sqlite = new Database(t.path);
  sqlite.exec(`create table ballast (b blob); insert into ballast values (zeroblob(${SMALL_FILE_BYTES + 1024 * 1024}));`);
  sqlite.close();
  process.env[PASSWORD_ENV] = TEST_PASSWORD;
  // 65 MB written to a temp file: seconds on a busy machine.
}, 60_000);
afterAll(() => {
  t.close();
  if (savedPassword === undefined) delete process.env[PASSWORD_ENV];
  else process.env[PASSWORD_ENV] = savedPassword;
});

/** Points an overflow page near the end of the file (the ballast's chain) at a page that does not exist. */
function breakBallastChain(path: string): void {
  const sqlite = new Database(path, { readonly: true });
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
  sqlite.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from([0x7f, 0xff, 0xff, 0xff]), 0, 4, (pageCount - 50 - 1) * pageSize);
  closeSync(fd);
}

const history = () => createCheckHistory(folder, resolve(t.path));
const stats = (...extra: string[]) => cliInProcess(['stats', '--db', t.path, '--year', '2020', '--json', ...extra]);
const createCase = (day: string) =>
  cliInProcess([
    'call',
    '--db',
    t.path,
    '--actor',
    FIRST_MEMBER.username,
    '--vitnemappe',
    folder,
    'cases:create',
    JSON.stringify({ municipalityId: steigen, referralDate: `2020-05-${day}` }),
  ]);
const digest = () => createHash('sha256').update(readFileSync(t.path)).digest('hex');

describe('quick_check on the command line follows the app’s plan', () => {
  it('checks a large file once, then not on every command; without a folder of its own it checks every time', async () => {
    const first = await stats('--vitnemappe', folder);
    expect(first.status, first.stderr).toBe(0);
    expect(history().read()).toMatchObject({ openedWithoutClose: false, lastGoodCheck: expect.any(String) });

    breakBallastChain(t.path);
    // Checked good minutes ago and closed cleanly: no check is due, so the damage nobody reads goes unseen.
    const unchecked = await stats('--vitnemappe', folder);
    expect(unchecked.status, unchecked.stderr).toBe(0);
    expect((await createCase('04')).status).toBe(0);
    // With no memory of the file every open is checked, as before.
    const checked = await stats();
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('besto ikke kontrollen (quick_check)');
  }, 60_000);

  it('a file left mid-write is checked before a write and refused, and stays refused while its last check failed', async () => {
    // A command on this PC that never ended (killed, power cut).
    history().opened();
    const before = digest();
    const refused = await createCase('05');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('besto ikke kontrollen (quick_check)');
    expect(refused.stderr).toContain('restore --db');
    expect(digest()).toBe(before);
    expect(history().read().lastGoodCheck).toBeNull();

    // Even after a clean end, a file whose last check failed is checked again, and refused again.
    history().closed();
    const again = await createCase('06');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('besto ikke kontrollen (quick_check)');
    expect(digest()).toBe(before);
  }, 60_000);
});

describe('a small file on the command line', () => {
  let small: TestDatabase;
  beforeAll(async () => {
    small = await createTestDatabase();
    small.db.close();
    const sqlite = new Database(small.path);
    // Well under the size the app checks at every open; the ballast's pages are the last in the file.
    sqlite.exec(`create table ballast (b blob); insert into ballast values (zeroblob(${2 * 1024 * 1024}));`);
    sqlite.close();
  });
  afterAll(() => small.close());

  it('is checked at its first command, after an unclean end and while its last check failed, not at every command', async () => {
    const run = () => cliInProcess(['stats', '--db', small.path, '--year', '2020', '--json']);
    // No --vitnemappe: the command line's own per-user folder (ETTERVERN_TILSTANDSMAPPE here) remembers the checks.
    const stateFolder = process.env[STATE_DIR_ENV]!;
    const memory = createCheckHistory(stateFolder, resolve(small.path));
    expect(memory.read().lastGoodCheck).toBeNull();
    const first = await run();
    expect(first.status, first.stderr).toBe(0);
    expect(memory.read()).toMatchObject({ openedWithoutClose: false, lastGoodCheck: expect.any(String) });
    // Only the checks are remembered there: no witness key is made where nobody asked for a witness.
    expect(existsSync(join(stateFolder, 'revisjonsvitne.key'))).toBe(false);

    breakBallastChain(small.path);
    // Checked good moments ago and ended cleanly: this command does not read the whole file again.
    const unchecked = await run();
    expect(unchecked.status, unchecked.stderr).toBe(0);

    // A folder that cannot be made (here: under a file) remembers nothing, so every open is checked again.
    process.env[STATE_DIR_ENV] = join(small.path, 'ingen-mappe');
    try {
      const forgetful = await run();
      expect(forgetful.status).toBe(1);
      expect(forgetful.stderr).toContain('besto ikke kontrollen (quick_check)');
    } finally {
      process.env[STATE_DIR_ENV] = stateFolder;
    }

    // A command on this PC that never ended: the next one checks first, and refuses the damaged file.
    memory.opened();
    const before = createHash('sha256').update(readFileSync(small.path)).digest('hex');
    const refused = await run();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('besto ikke kontrollen (quick_check)');
    expect(memory.read().lastGoodCheck).toBeNull();
    memory.closed();
    const again = await run();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('besto ikke kontrollen (quick_check)');
    expect(createHash('sha256').update(readFileSync(small.path)).digest('hex')).toBe(before);
  }, 60_000);
});
