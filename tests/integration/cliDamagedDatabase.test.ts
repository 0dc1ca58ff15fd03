import { closeSync, existsSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../electron/db/integrity';
import { cliInProcess } from '../support/commandLine';
import { createTestDatabase, FIRST_MEMBER, municipalityId, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';

/**
 * The command line on a damaged file (issue 16, finding 6): a copy of a real database with some pages
 * overwritten, as a failing disk or an interrupted copy leaves it.
 */
let t: TestDatabase;
let good: string;
let damaged: string;
const savedPassword = process.env.ETTERVERN_PASSWORD;

beforeEach(async () => {
  t = await createTestDatabase();
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01', code: '03/20-ST' });
  process.env.ETTERVERN_PASSWORD = TEST_PASSWORD;
  good = join(t.dir, 'god.sqlite');
  damaged = join(t.dir, 'skadet.sqlite');
  expect((await cliInProcess(['backup', '--db', t.path, '--out', good])).status).toBe(0);
  expect((await cliInProcess(['backup', '--db', t.path, '--out', damaged])).status).toBe(0);
  const fd = openSync(damaged, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 3, 0x33), 0, 4096 * 3, 4096);
  closeSync(fd);
  expect(checkDatabaseFile(damaged, 'quick').ok).toBe(false);
});
afterEach(() => {
  t.close();
  if (savedPassword === undefined) delete process.env.ETTERVERN_PASSWORD;
  else process.env.ETTERVERN_PASSWORD = savedPassword;
});

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the command line on a damaged database', () => {
  it('call neither reads nor writes it, and says how to recover', async () => {
    const before = digest(damaged);
    const entry = JSON.stringify({ municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-04-01', code: '05/20-ST' });
    for (const args of [
      ['call', 'cases:create', entry, '--db', damaged, '--actor', FIRST_MEMBER.username],
      ['call', 'cases:list', '{}', '--db', damaged, '--actor', FIRST_MEMBER.username],
      ['stats', '--db', damaged, '--year', '2020'],
    ]) {
      const run = await cliInProcess(args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain('besto ikke kontrollen (quick_check)');
      expect(run.stderr).toContain('restore --db');
      expect(run.stderr).not.toContain('Uventet feil');
    }
    expect(digest(damaged)).toBe(before);
    expect(existsSync(`${damaged}-journal`) || existsSync(`${damaged}-wal`)).toBe(false);
  });

  it('restore sets the damaged file aside as it is, unverified, and brings the backup back', async () => {
    const before = readFileSync(damaged);
    const run = await cliInProcess(['restore', '--db', damaged, '--from', good]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { safetyCopy: string; damagedSetAside: boolean; ok: boolean };
    expect(result).toMatchObject({ ok: true, damagedSetAside: true });
    expect(readFileSync(result.safetyCopy).equals(before)).toBe(true);
    expect(checkDatabaseFile(damaged, 'full').ok).toBe(true);
    const cases = await cliInProcess(['call', 'cases:list', '{}', '--db', damaged, '--actor', FIRST_MEMBER.username]);
    expect(cases.status, cases.stderr).toBe(0);
    expect(cases.stdout).toContain('03/20-ST');
  });

  it('audit verify reports the damage instead of an unexpected error', async () => {
    const run = await cliInProcess(['audit', 'verify', '--db', damaged]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, damaged: true });
    expect(run.stderr).toContain('Databasefilen er skadet');
    expect(run.stderr).not.toContain('Uventet feil');
    expect((await cliInProcess(['audit', 'verify', '--db', good])).status).toBe(0);
  });
});

describe('files the command line writes', () => {
  it('are created, never written over or through a link', async () => {
    const victim = join(t.dir, 'annen-fil.txt');
    writeFileSync(victim, 'urørt');
    for (const [command, option] of [
      [['audit', 'export', '--db', good], '--out'],
      [['backup', '--db', good], '--out'],
    ] as const) {
      const link = join(t.dir, `lenke-${command[0]}.xlsx`);
      symlinkSync(victim, link);
      const through = await cliInProcess([...command, option, link]);
      expect(through.status, command.join(' ')).toBe(1);
      expect(through.stderr).toContain('finnes allerede');
      const existing = await cliInProcess([...command, option, victim]);
      expect(existing.status, command.join(' ')).toBe(1);
      expect(readFileSync(victim, 'utf8')).toBe('urørt');
    }
  });
});
