import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';

/** `stats` as its own process, on a database arranged through the services. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let t: TestDatabase;

function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  t = await createTestDatabase({ now: '2021-03-01T10:00:00.000Z' });
  const fauske = municipalityId(t, 'Fauske');
  const followUp = categoryId(t, 1);
  const referred = t.ok('cases:create', { municipalityId: fauske, referralDate: '2020-02-01', staffIds: [t.member!.id] });
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Beiarn'), referralDate: '2020-01-06', staffIds: [t.member!.id] });
  const entry = { date: '2020-02-03', municipalityId: fauske, categoryId: followUp, participantIds: [t.member!.id], confirmOldDate: true };
  await t.okAsync('time-entries:create', { ...entry, caseCode: referred.code, hours: 1.5 });
  await t.okAsync('time-entries:create', { ...entry, caseCode: null, hours: 2 });
  // An imported case with time in 2020 and no referral date.
  const bytes = await workbookBytes({
    Timer: [
      ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
      ['04/19-FA', '10.03.2020', 'Fauske', 'Kjøring', '1'],
    ],
  });
  const read = await t.okAsync('timesheet:read-file', { jobId: 'cli-stats-1', fileName: 'timer.xlsx', contentBase64: bytes.toString('base64') });
  await t.okAsync('timesheet:import', { jobId: read.jobId });
  t.db.close();
}, 60_000);

afterAll(() => rmSync(t.dir, { recursive: true, force: true }));

describe('cli stats', () => {
  it('prints the year as JSON in exactly the agreed shape', async () => {
    const run = await cli('stats', '--db', t.path, '--year', '2020', '--json');
    expect(run.status).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(Object.keys(stats)).toEqual(['year', 'hoursByMunicipalityAndCategory', 'casesByMunicipality']);
    expect(stats.year).toBe(2020);
    expect(stats.hoursByMunicipalityAndCategory).toEqual([
      { municipality: 'Fauske', category: 'Brukeroppfølging', hours: 3.5, entries: 2 },
      { municipality: 'Fauske', category: 'Kjøring', hours: 1, entries: 1 },
    ]);
    expect(stats.casesByMunicipality.find((c: { municipality: string }) => c.municipality === 'Fauske')).toEqual({
      municipality: 'Fauske',
      total: 2,
      referred: 1,
      active: 1,
      closed: 0,
    });
    // Referred in 2020 with no time logged: in the total through its referral.
    expect(stats.casesByMunicipality.find((c: { municipality: string }) => c.municipality === 'Beiarn')).toEqual({
      municipality: 'Beiarn',
      total: 1,
      referred: 1,
      active: 1,
      closed: 0,
    });
    expect(stats.casesByMunicipality.map((c: { municipality: string }) => c.municipality)).toEqual([
      'Fauske',
      'Sørfold',
      'Hamarøy',
      'Steigen',
      'Saltdal',
      'Meløy',
      'Gildeskål',
      'Beiarn',
      'Rødøy',
    ]);
  }, 90_000);

  it('prints a readable Norwegian table without --json, and refuses a year that is not one', async () => {
    const run = await cli('stats', '--db', t.path, '--year', '2020');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Timer per kommune og hendelse 2020');
    expect(run.stdout).toMatch(/Fauske\s+Brukeroppfølging\s+3,5\s+2/);
    expect(run.stdout).toMatch(/Fauske\s+2\s+1\s+1\s+0/);
    const bad = await cli('stats', '--db', t.path, '--year', 'i fjor');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--year må være et årstall');
  }, 90_000);
});
