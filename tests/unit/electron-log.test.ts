import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLog, formatLogLine, logFilePath } from '../../electron/main/log';
import { makeTempDir } from '../support/testDatabase';

const NOW = new Date('2020-06-15T10:00:00.000Z');

describe('formatLogLine', () => {
  it('writes a timestamp, the event and its fields', () => {
    expect(formatLogLine({ event: 'channel-error', channel: 'cases:create', errorName: 'SqliteError', sqliteCode: 'SQLITE_IOERR' }, NOW)).toBe(
      '2020-06-15T10:00:00.000Z channel-error channel=cases:create errorName=SqliteError sqliteCode=SQLITE_IOERR',
    );
    expect(formatLogLine({ event: 'channel-error', channel: 'cases:list', errorName: 'TypeError' }, NOW)).not.toContain('undefined');
  });

  it('cannot be made to forge a line or carry a long text', () => {
    const line = formatLogLine({ event: 'renderer-gone', reason: 'crashed\n2020-01-01 startup version=x ' + 'a'.repeat(500) }, NOW);
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(140);
  });
});

describe('createFileLog', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('ettervern-log-');
  });
  afterEach(() => temp.cleanup());

  it('creates <userData>/logs/ettervern.log and appends lines', () => {
    const path = logFilePath(temp.dir);
    expect(path).toBe(join(temp.dir, 'logs', 'ettervern.log'));
    const log = createFileLog(path, () => NOW);
    log.write({ event: 'database-opened' });
    log.write({ event: 'ipc-forbidden', channel: 'cases:create' });
    expect(readFileSync(path, 'utf8')).toBe('2020-06-15T10:00:00.000Z database-opened\n2020-06-15T10:00:00.000Z ipc-forbidden channel=cases:create\n');
  });

  it('keeps one previous file when the log grows large', () => {
    const path = logFilePath(temp.dir);
    const log = createFileLog(path, () => NOW);
    log.write({ event: 'shutdown' });
    writeFileSync(path, 'x'.repeat(1_000_001));
    log.write({ event: 'database-opened' });
    expect(readFileSync(`${path}.1`, 'utf8').length).toBe(1_000_001);
    expect(readFileSync(path, 'utf8')).toBe('2020-06-15T10:00:00.000Z database-opened\n');
  });

  it('never throws, even when the folder cannot be created', () => {
    const blocker = join(temp.dir, 'fil');
    writeFileSync(blocker, '');
    const log = createFileLog(join(blocker, 'logs', 'ettervern.log'));
    expect(() => log.write({ event: 'shutdown' })).not.toThrow();
    expect(existsSync(join(blocker, 'logs'))).toBe(false);
  });
});
