import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type ChainedAuditRow } from '../../electron/db/auditChain';
import { checkIntegrity } from '../../electron/db/integrity';
import { openDatabase } from '../../electron/db/open';
import { markShared } from '../../electron/db/sharing';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INSTANCE = join(ROOT, 'tests/artifacts/shared-instance.mjs');
const WRITERS = 5;
/**
 * The full run is 300 operations per writer (ETTERVERN_SHARED_OPS=300). The default stays 60 for
 * CI time: on a shared 2-core machine under load, 5 × 60 took 140 s and 5 × 300 far beyond the 60 s aim.
 */
const OPS = Number(process.env.ETTERVERN_SHARED_OPS ?? 60);
/** The only errors a PC on a shared file may see from this work: another one holds the lock, or edited first. */
const TYPED = new Set(['busy', 'conflict']);

interface Output {
  lines: string[];
  killed: boolean;
}

function start(args: string[]): { child: ChildProcess; done: Promise<Output>; said: (line: string) => boolean } {
  const child = spawn(process.execPath, [INSTANCE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<Output>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const lines = stdout.split('\n');
      // A kill may cut the last line; only whole lines are reports.
      lines.pop();
      if (signal === null && code !== 0) return reject(new Error(`instance failed: ${stderr.slice(0, 500)}`));
      resolvePromise({ lines, killed: signal !== null });
    });
  });
  return { child, done, said: (line) => stdout.split('\n').includes(line) };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}

/** A rollback journal's header begins with these eight bytes; SQLite zeroes or removes it once it is done with it. */
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let t: TestDatabase;
let base: string[];
beforeAll(async () => {
  // Bundled once so each process starts fast; beside node_modules so better-sqlite3 resolves.
  buildSync({
    entryPoints: [join(ROOT, 'tests/integration/shared/instance.ts')],
    outfile: INSTANCE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Libraries load from node_modules as in the app; only the app's own code is bundled.
    packages: 'external',
    alias: { '@shared': join(ROOT, 'shared') },
    logLevel: 'error',
  });
  t = await createTestDatabase();
  const steigen = municipalityId(t, 'Steigen');
  const cases = ['01', '02'].map((n) => t.ok('cases:create', { municipalityId: steigen, referralDate: `2020-01-${n}` }).id);
  base = [String(t.member!.id), String(municipalityId(t, 'Felles')), String(categoryId(t, 7)), cases.join(',')];
  markShared(t.db.sqlite, new Date(), t.member!.id);
  t.db.close();
});
afterAll(() => t?.close());

/** What the writers say they committed, replayed: the entries that must exist, with their minutes. */
function expectedEntries(outputs: Output[]): Map<number, number> {
  const entries = new Map<number, number>();
  for (const { lines } of outputs) {
    for (const line of lines) {
      const [kind, id, minutes] = line.split(' ');
      if (kind === 'create' || kind === 'update') entries.set(Number(id), Number(minutes));
      if (kind === 'delete') entries.delete(Number(id));
    }
  }
  return entries;
}

async function checkFile(outputs: Output[]): Promise<void> {
  const db = await openDatabase(t.path);
  try {
    expect(db.shared).toBe(true);
    expect(existsSync(`${t.path}-wal`)).toBe(false);
    // Header bytes 18-19 (file format write/read version): 1/1 is rollback journal, 2/2 would be WAL.
    expect([...readFileSync(t.path).subarray(18, 20)]).toEqual([1, 1]);
    expect(checkIntegrity(db.sqlite, 'full')).toEqual({ ok: true, problems: [], foreignKeyViolations: 0 });
    const rows = db.sqlite.prepare('select id, minutes from time_entries').all() as { id: number; minutes: number }[];
    const present = new Map(rows.map((r) => [r.id, r.minutes]));
    for (const [id, minutes] of expectedEntries(outputs)) expect(present.get(id), `entry ${id}`).toBe(minutes);
    const totals = db.sqlite
      .prepare('select municipality_id, category_id, entry_date, entries, minutes from time_totals_daily where entries > 0 order by 1, 2, 3')
      .all();
    const fresh = db.sqlite
      .prepare(
        'select municipality_id, category_id, entry_date, count(*) as entries, sum(minutes) as minutes from time_entries group by 1, 2, 3 order by 1, 2, 3',
      )
      .all();
    expect(totals).toEqual(fresh);
    expect(verifyChain(db.sqlite.prepare('select * from audit_log order by id').all() as ChainedAuditRow[]).ok).toBe(true);
  } finally {
    db.close();
  }
}

async function versionsOfCases(): Promise<Map<number, number>> {
  const db = await openDatabase(t.path);
  try {
    const rows = db.sqlite.prepare('select id, version from cases').all() as { id: number; version: number }[];
    return new Map(rows.map((r) => [r.id, r.version]));
  } finally {
    db.close();
  }
}

const errorsOf = (outputs: Output[]) => outputs.flatMap((o) => o.lines.filter((l) => l.startsWith('error ')).map((l) => l.slice(6).split(' ')[0]!));

describe('five PCs writing one shared file at once', () => {
  it(`${WRITERS} writer processes × ${OPS} operations and 2 readers: nothing lost, nothing torn, only typed errors, conflicts reported`, async () => {
    const caseVersions = await versionsOfCases();
    const readers = [1, 2].map((n) => start(['reader', t.path, ...base, '0', String(100 + n)]));
    const writers = Array.from({ length: WRITERS }, (_, n) => start(['writer', t.path, ...base, String(OPS), String(n + 1)]));
    const written = await Promise.all(writers.map((w) => w.done));
    for (const reader of readers) reader.child.kill('SIGKILL');
    const read = await Promise.all(readers.map((r) => r.done));
    for (const output of [...written, ...read]) expect(output.lines[0]).toBe('ready shared delete');
    for (const output of written) expect(output.lines.at(-1)).toBe('done');
    expect(read.every((o) => o.lines.filter((l) => l === 'read').length > 0)).toBe(true);
    const errors = errorsOf([...written, ...read]);
    expect(errors.filter((code) => !TYPED.has(code))).toEqual([]);
    const commits = written.flatMap((o) => o.lines).filter((l) => /^(create|update|delete|staff|contact) /.test(l)).length;
    // Most calls commit; busy refusals are allowed but must stay the exception.
    expect(commits).toBeGreaterThan(WRITERS * OPS * 0.9);
    // Five writers edit the two shared cases: some saves must have been refused as a colleague's newer
    // edit, in Norwegian, naming the case's last editor.
    const conflicts = written.flatMap((o) => o.lines.filter((l) => l.startsWith('error conflict ')));
    expect(conflicts.length).toBeGreaterThan(0);
    for (const line of conflicts) expect(line).toMatch(/^error conflict Saken ble endret av .+ kl\. \d\d\.\d\d\. Last inn på nytt/);
    // Nothing overwritten unseen: each case's version rose by exactly its committed edits.
    const staffLines = written.flatMap((o) => o.lines).filter((l) => l.startsWith('staff '));
    const after = await versionsOfCases();
    for (const [id, version] of caseVersions) expect(after.get(id), `case ${id}`).toBe(version + staffLines.filter((l) => l === `staff ${id}`).length);
    await checkFile(written);
  }, 180_000);

  it('a writer killed (SIGKILL) mid-run leaves a hot journal that the next open rolls back; nothing reported is lost', async () => {
    const writers = Array.from({ length: WRITERS }, (_, n) => start(['writer', t.path, ...base, String(OPS), String(50 + n)]));
    // Kill two writers at random moments while all five are writing.
    for (const victim of [writers[1]!, writers[3]!]) setTimeout(() => victim.child.kill('SIGKILL'), 300 + Math.floor(Math.random() * 1500));
    const written = await Promise.all(writers.map((w) => w.done));
    expect(written.filter((o) => o.killed).length).toBeGreaterThan(0);
    expect(written.flatMap((o) => o.lines.filter((l) => l.startsWith('error ') && !TYPED.has(l.split(' ')[1]!)))).toEqual([]);
    await checkFile(written);
  }, 120_000);

  it('a PC killed inside an open write transaction leaves a hot journal; the next open rolls it back, integrity ok', async () => {
    const journal = `${t.path}-journal`;
    const contacts = async () => {
      const db = await openDatabase(t.path);
      try {
        return db.sqlite.prepare('select count(*) from contacts').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    const before = await contacts();
    const untouched = fileHash(t.path);
    const dying = start(['dying', t.path, ...base, '0', '1']);
    await until(() => dying.said('inside'), 60_000);
    dying.child.kill('SIGKILL');
    expect((await dying.done).killed).toBe(true);

    // Hot: the journal is there, with its header and the original pages, and the file holds half a save.
    expect(existsSync(journal)).toBe(true);
    expect(statSync(journal).size).toBeGreaterThan(512);
    expect(readFileSync(journal).subarray(0, 8).equals(JOURNAL_MAGIC)).toBe(true);
    expect(fileHash(t.path)).not.toBe(untouched);

    // The next PC to open the file rolls the half-written save back: none of its rows, the file whole.
    expect(await contacts()).toBe(before);
    const db = await openDatabase(t.path);
    try {
      expect(checkIntegrity(db.sqlite, 'full')).toEqual({ ok: true, problems: [], foreignKeyViolations: 0 });
      expect(db.sqlite.prepare("select count(*) from contacts where name like 'Halvskrevet %'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    const left = existsSync(journal) ? readFileSync(journal) : Buffer.alloc(0);
    expect(left.length >= 8 && left.subarray(0, 8).equals(JOURNAL_MAGIC)).toBe(false);
  }, 120_000);
});
