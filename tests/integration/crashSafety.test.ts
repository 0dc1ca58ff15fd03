import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { checkIntegrity } from '../../electron/db/integrity';
import { verifyChain, type ChainedAuditRow } from '../../electron/db/auditChain';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WRITER_SOURCE = join(ROOT, 'tests/integration/crash/writer.ts');
const WRITER = join(ROOT, 'tests/artifacts/crash-writer.mjs');
const KILLS = Number(process.env.ETTERVERN_CRASH_KILLS ?? 200);
/** Two writers at a time: each kill waits for a process to start, and the machine has cores to spare for that. */
const PARALLEL = 2;

interface Run {
  committed: number[];
  /** What the writer wrote to stderr: empty unless it refused or failed on its own. */
  stderr: string;
}

/** Starts the writer, kills it with SIGKILL a random time after it is ready, and collects the ids it reported. */
function runAndKill(path: string, args: string[], delayMs: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WRITER, path, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!timer && stdout.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended on its own (${stderr.trim()})`));
      const lines = stdout.split('\n');
      // The last line may be cut off by the kill; only whole lines are reports.
      lines.pop();
      resolvePromise({ committed: lines.filter((line) => /^\d+$/.test(line)).map(Number), stderr });
    });
  });
}

let t: TestDatabase;
let args: string[];
beforeAll(async () => {
  // The TypeScript writer, compiled once by esbuild (the compiler tsx uses): `node --import tsx` would
  // compile it again at each of the hundreds of starts. Beside node_modules, so better-sqlite3 resolves.
  buildSync({ entryPoints: [WRITER_SOURCE], outfile: WRITER, bundle: true, platform: 'node', format: 'esm', external: ['better-sqlite3'], logLevel: 'error' });
  t = await createTestDatabase();
  const steigen = municipalityId(t, 'Steigen');
  const made = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-01-01', code: '01/20-ST' });
  args = [String(t.member!.id), String(steigen), String(categoryId(t, 2)), String(made.id)];
  t.db.close();
});
afterAll(() => t.close());

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-write without losing a reported commit`, async () => {
    const reported = new Set<number>();
    let survived = 0;
    const check = async () => {
      const db = await openDatabase(t.path);
      try {
        const report = checkIntegrity(db.sqlite, 'full');
        expect(report).toEqual({ ok: true, problems: [], foreignKeyViolations: 0 });
        const present = new Set(db.sqlite.prepare('select id from time_entries').pluck().all() as number[]);
        const missing = [...reported].filter((id) => !present.has(id));
        expect(missing, 'committed entries lost').toEqual([]);
        // Daily totals are kept by triggers in the same transaction: a torn write would show here.
        const totals = db.sqlite.prepare('select coalesce(sum(minutes), 0) from time_totals_daily').pluck().get();
        const entries = db.sqlite.prepare('select coalesce(sum(minutes), 0) from time_entries').pluck().get();
        expect(totals).toBe(entries);
        // The audit chain links each row to the one before: a torn write would break it.
        const chain = verifyChain(db.sqlite.prepare('select * from audit_log order by id').all() as ChainedAuditRow[]);
        expect(chain.ok).toBe(true);
      } finally {
        db.close();
      }
    };
    for (let round = 0; round < KILLS / PARALLEL; round++) {
      // Only one process writes the file at a time in WAL mode; two writers also exercise the busy wait.
      const runs = await Promise.all(Array.from({ length: PARALLEL }, () => runAndKill(t.path, args, Math.floor(Math.random() * 60))));
      for (const run of runs) {
        expect(run.stderr).toBe('');
        for (const id of run.committed) reported.add(id);
      }
      await check();
      survived += PARALLEL;
    }
    console.log(`Krasjtest: ${survived} SIGKILL overlevd, ${reported.size} rapporterte transaksjoner funnet igjen`);
    expect(survived).toBeGreaterThanOrEqual(KILLS);
    expect(reported.size).toBeGreaterThan(KILLS);
  }, 240_000);
});
