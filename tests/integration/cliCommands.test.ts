import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type AnnualPivotDto } from '@shared/contract';
import type { DemoSummary } from '../../electron/cli/demo/summary';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { cliInProcess as inProcess, cliProcess } from '../support/commandLine';

const dir = mkdtempSync(join(tmpdir(), 'ettervern-cli-'));
const demoDb = join(dir, 'demo.sqlite');

/**
 * A separate process, where real exit codes and streams are the point; everything else runs in this
 * process. --actor reads the password from the environment, and every demo member has the demo password.
 */
const cli = (...args: string[]) => cliProcess(args, { [PASSWORD_ENV]: DEMO_PASSWORD });

// Tests run side by side, and only read the demo database (tests that write get their own copy).
const TIMEOUT = 60_000;

let summary: DemoSummary;

beforeAll(async () => {
  process.env[PASSWORD_ENV] = DEMO_PASSWORD;
  const run = await cli('demo', '--db', demoDb, '--year', '2020', '--seed', '3');
  expect(run.stderr).toContain('Demodatabasen er laget');
  expect(run.status).toBe(0);
  summary = JSON.parse(run.stdout) as DemoSummary;
}, 120_000);

afterAll(() => {
  delete process.env[PASSWORD_ENV];
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('demo command', () => {
  it(
    'prints a JSON summary of what it wrote',
    async () => {
      expect(summary.years).toEqual([2020]);
      expect(summary.members).toBe(5);
      expect(summary.perYear[0]!.entries).toBeGreaterThanOrEqual(2000);
      expect(summary.entries).toBe(summary.perYear[0]!.entries);
    },
    TIMEOUT,
  );

  it(
    'refuses to overwrite an existing database without --force (exit 1)',
    async () => {
      const size = statSync(demoDb).size;
      const run = await inProcess(['demo', '--db', demoDb, '--year', '2020']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('--force');
      expect(statSync(demoDb).size).toBe(size);
    },
    TIMEOUT,
  );

  it(
    'refuses a year that is not over yet (exit 2)',
    async () => {
      const run = await inProcess(['demo', '--db', join(dir, 'future.sqlite'), '--year', String(new Date().getFullYear())]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--year må være mellom 2020 og');
    },
    TIMEOUT,
  );
});

describe.concurrent('call command', () => {
  it(
    'prints the annual statistics of the demo database and exits 0',
    async () => {
      const run = await cli('call', 'statistics:annual', '{"year": 2020}', '--db', demoDb, '--actor', 'siri.kristoffersen');
      expect(run.status).toBe(0);
      const stats = JSON.parse(run.stdout) as AnnualPivotDto;
      expect(stats.year).toBe(2020);
      expect(stats.total.entries).toBe(summary.perYear[0]!.entries);
      expect(stats.total.hours).toBe(summary.perYear[0]!.hours);
    },
    TIMEOUT,
  );

  it(
    'prints the typed error as JSON on stdout and exits 1 for a bad payload',
    async () => {
      const run = await inProcess(['call', 'statistics:annual', '{"year": "i fjor"}', '--db', demoDb]);
      expect(run.status).toBe(1);
      const result = JSON.parse(run.stdout) as { ok: boolean; error: { code: string; fieldErrors: Record<string, string> } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('validation');
      expect(result.error.fieldErrors.year).toMatch(/År/);
      // The message never echoes what was sent.
      expect(run.stdout + run.stderr).not.toContain('i fjor');
    },
    TIMEOUT,
  );

  it(
    'refuses a write without --actor and saves it with one',
    async () => {
      const copy = join(dir, 'skriv.sqlite');
      copyFileSync(demoDb, copy);
      // A date the demo's year already has, so the question about old dates is answered in the call.
      const entry = JSON.stringify({ date: '2020-06-03', municipalityId: 1, categoryId: 1, hours: '1,5', confirmOldDate: true });
      const anonymous = await inProcess(['call', 'time-entries:create', entry, '--db', copy]);
      expect(anonymous.status).toBe(1);
      expect(JSON.parse(anonymous.stdout).error.code).toBe('unauthenticated');

      const signedIn = await inProcess(['call', 'time-entries:create', entry, '--db', copy, '--actor', 'siri.kristoffersen']);
      expect(signedIn.status).toBe(0);
      const saved = JSON.parse(signedIn.stdout) as { minutes: number; participants: { initials: string }[] };
      expect(saved.minutes).toBe(90);
      expect(saved.participants.map((p) => p.initials)).toEqual(['SK']);
    },
    TIMEOUT,
  );

  it(
    'reports an unknown actor or channel as a typed error (exit 1)',
    async () => {
      const actor = await inProcess(['call', 'session:get-current', '--db', demoDb, '--actor', 'finnes.ikke']);
      expect(actor.status).toBe(1);
      expect(JSON.parse(actor.stdout).error.code).toBe('unauthenticated');
      const channel = await inProcess(['call', 'cases:destroy-all', '{}', '--db', demoDb]);
      expect(channel.status).toBe(1);
      expect(JSON.parse(channel.stdout).error.code).toBe('unknown_channel');
    },
    TIMEOUT,
  );

  it(
    'says in Norwegian that the JSON is invalid and exits 2',
    async () => {
      const run = await inProcess(['call', 'statistics:annual', '{year: 2020', '--db', demoDb]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('ikke gyldig JSON');
      expect(run.stdout).toBe('');
    },
    TIMEOUT,
  );

  it(
    'will not create a database from a mistyped path (exit 1)',
    async () => {
      const run = await inProcess(['call', 'session:get-current', '--db', join(dir, 'feilstavet.sqlite')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Fant ikke databasefilen');
    },
    TIMEOUT,
  );

  it(
    'refuses a file that is not a database (exit 1)',
    async () => {
      const junk = join(dir, 'tekst.sqlite');
      writeFileSync(junk, 'dette er ikke en database, bare tekst som er lang nok til å ligne en fil'.repeat(20));
      const run = await inProcess(['call', 'session:get-current', '--db', junk]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('ikke en Ettervern-database');
    },
    TIMEOUT,
  );
});

describe.concurrent('channels command', () => {
  it(
    'lists every channel of the contract with its input as JSON Schema',
    async () => {
      const run = await inProcess(['channels']);
      expect(run.status).toBe(0);
      const channels = JSON.parse(run.stdout) as { name: string; kind: string; description: string; input: { type?: string; properties?: object } }[];
      expect(channels.map((c) => c.name).sort()).toEqual([...CHANNEL_NAMES].sort());
      for (const channel of channels) {
        expect(['query', 'mutation']).toContain(channel.kind);
        expect(channel.description.length).toBeGreaterThan(0);
        expect(channel.input.type).toBe('object');
      }
      const create = channels.find((c) => c.name === 'time-entries:create')!;
      expect(Object.keys(create.input.properties ?? {})).toEqual(expect.arrayContaining(['date', 'municipalityId', 'categoryId', 'hours']));
    },
    TIMEOUT,
  );
});

describe.concurrent('usage', () => {
  it(
    'prints Norwegian usage for --help and for no command (exit 0)',
    async () => {
      const help = await cli('--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Bruk:');
      expect(help.stdout).toContain('Avslutningskoder');
      const none = await inProcess([]);
      expect(none.status).toBe(0);
      expect(none.stdout).toBe(help.stdout);
      const demoHelp = await inProcess(['demo', '--help']);
      expect(demoHelp.status).toBe(0);
      expect(demoHelp.stdout).toContain('demo --db FIL');
    },
    TIMEOUT,
  );

  it(
    'prints usage and exits 2 for an unknown command or option',
    async () => {
      const command = await cli('eksporter-alt');
      expect(command.status).toBe(2);
      expect(command.stderr).toContain('Ukjent kommando');
      expect(command.stderr).toContain('Bruk:');
      const option = await inProcess(['channels', '--verbose']);
      expect(option.status).toBe(2);
      expect(option.stderr).toContain('Ukjent valg: --verbose');
      const missing = await inProcess(['call', 'statistics:annual', '{"year": 2020}']);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('Mangler --db');
      const extra = await inProcess(['channels', 'ekstra']);
      expect(extra.status).toBe(2);
      expect(extra.stderr).toContain('For mange argumenter');
    },
    TIMEOUT,
  );
});
