import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNEL_NAMES, contract, isChannelName } from '@shared/contract';
import { handlers } from '../../electron/services/handlers';

const CHANNEL_NAME = /^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/;
const channels = Object.keys(contract);
const definitions = Object.entries(contract) as [string, (typeof contract)[keyof typeof contract]][];

describe('the contract', () => {
  it('has channels', () => {
    expect(channels.length).toBeGreaterThan(0);
    expect(CHANNEL_NAMES).toEqual(channels);
  });

  it.each(channels)('%s is named domain:verb-noun', (name) => {
    expect(name).toMatch(CHANNEL_NAME);
  });

  it('has exactly one handler per channel, and no handler without a channel', () => {
    const handlerNames = Object.keys(handlers).sort();
    expect(handlerNames).toEqual([...channels].sort());
    for (const name of handlerNames) expect(typeof (handlers as Record<string, unknown>)[name]).toBe('function');
  });

  it('recognises only its own channel names', () => {
    for (const name of channels) expect(isChannelName(name)).toBe(true);
    for (const name of ['cases:delete', 'toString', '__proto__', 'constructor', '', 42, null]) expect(isChannelName(name)).toBe(false);
  });

  it.each(definitions)('%s rejects a field it does not know (strict object)', (_name, definition) => {
    const result = (definition.input as z.ZodType).safeParse({ notAContractField: 1 });
    expect(result.success).toBe(false);
    const unknownKeyIssues = result.error!.issues.filter((issue) => issue.code === 'unrecognized_keys');
    expect(unknownKeyIssues.flatMap((issue) => ('keys' in issue ? issue.keys : []))).toContain('notAContractField');
  });

  it.each(definitions)('%s has a description', (_name, definition) => {
    expect(definition.description.trim().length).toBeGreaterThan(0);
  });

  it.each(definitions.filter(([, d]) => d.kind === 'mutation'))(
    'mutation %s writes the audit log (every write is audited) and declares no reads (its answer is never cached)',
    (_name, definition) => {
      expect(definition.writes).toContain('audit_log');
      expect(definition.reads).toEqual([]);
    },
  );

  it('queries write nothing but the row for opening a case page, the shipped templates stored on first look and a time sheet read into memory', () => {
    const writing = Object.fromEntries(definitions.filter(([, d]) => d.kind === 'query' && d.writes.length > 0).map(([name, d]) => [name, d.writes]));
    expect(writing).toEqual({ 'cases:get': ['audit_log'], 'templates:list': ['document_templates'], 'timesheet:read-file': ['import_jobs'] });
  });

  // database:changes reads only the log's last id (to tell a colleague's heartbeat from a save), no row.
  it("no query but the audit log's own and the change poll reads the audit log", () => {
    const readers = definitions.filter(([, d]) => d.reads.includes('audit_log')).map(([name]) => name);
    expect(readers.sort()).toEqual(['audit:list', 'audit:verify', 'database:changes']);
  });

  it('every query says what it reads, except those whose answer no call can change (and the dialogs, which read no data)', () => {
    const readingNothing = definitions.filter(([, d]) => d.kind === 'query' && d.reads.length === 0).map(([name]) => name);
    expect(readingNothing.sort()).toEqual(['database:choose-file', 'database:choose-folder', 'system:status', 'templates:placeholders']);
  });

  // Restoring a backup: in recovery mode the damaged database may not say who may sign in; the service
  // requires an administrator otherwise.
  it('lets only signing in, signing out, the first member, listing and restoring backups in recovery, the session and system status, which database file is used and what changed in it, pointing a PC at the shared file and the dialogs that pick it, and reference lists run without a signed-in member', () => {
    const anonymous = definitions
      .filter(([, d]) => d.anonymous)
      .map(([name]) => name)
      .sort();
    expect(anonymous).toEqual([
      'backups:list',
      'backups:restore',
      'categories:list',
      'database:changes',
      'database:choose-file',
      'database:choose-folder',
      'database:info',
      'database:open-shared',
      'municipalities:list',
      'session:get-current',
      'session:sign-in',
      'session:sign-out',
      'system:status',
      'team-members:create',
    ]);
  });

  it('a time entry is sent as typed hours and parsed into minutes, the unit the services store', () => {
    const typed = { date: '2025-03-04', municipalityId: 1, categoryId: 2, hours: '1,5' };
    expect(contract['time-entries:create'].input.parse(typed)).toEqual({ date: '2025-03-04', municipalityId: 1, categoryId: 2, minutes: 90 });
    expect(contract['time-entries:update'].input.parse({ id: 7, version: 3, ...typed, hours: 2 })).toEqual({
      id: 7,
      version: 3,
      date: '2025-03-04',
      municipalityId: 1,
      categoryId: 2,
      minutes: 120,
    });
  });

  it('nested filter and sort objects are strict too', () => {
    const input = contract['time-entries:list'].input;
    expect(input.safeParse({ filter: { notAContractField: 1 } }).success).toBe(false);
    expect(input.safeParse({ sort: { field: 'date', direction: 'asc', notAContractField: 1 } }).success).toBe(false);
    expect(input.safeParse({ filter: {} }).success).toBe(true);
  });
});
