import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName, type MutationChannelName, type QueryChannelName } from '@shared/contract';
import { DATA_TABLES } from '@shared/domain/dataTables';
import { recordChannelSql, type TableUse } from '../support/channelSql';
import { readCalls } from '../support/readCalls';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { writeScenarios } from '../support/writeScenarios';

/**
 * The contract says what each query reads and each mutation writes, and the renderer's cache trusts it.
 * Here every channel runs through the real dispatcher and services, and the tables its SQL opens (by
 * SQLite's own plans, triggers and cascades included) must be among those it declares. State outside
 * the database (who is signed in, backup files, import jobs) has no SQL to check.
 */
const queries = CHANNEL_NAMES.filter((channel): channel is QueryChannelName => contract[channel].kind === 'query');
const mutations = CHANNEL_NAMES.filter((channel): channel is MutationChannelName => contract[channel].kind === 'mutation');

const undeclared = (used: Set<string>, declared: readonly string[]) => [...used].filter((table) => !declared.includes(table)).sort();

function watchedDatabase() {
  const recorder = recordChannelSql();
  return { recorder, open: createTestDatabase({ open: { verbose: recorder.verbose }, handlers: recorder.handlers }) };
}

describe('what a query declares it reads', () => {
  let t: TestDatabase;
  let used: Map<ChannelName, TableUse>;

  beforeAll(async () => {
    const watched = watchedDatabase();
    t = await watched.open;
    const calls = await readCalls(t);
    for (const query of queries) {
      expect(calls[query].length, query).toBeGreaterThan(0);
      for (const input of calls[query]) {
        const result = await t.dispatcher.dispatchAsync(query, input);
        expect(result.ok, `${query} ${JSON.stringify(result)}`).toBe(true);
      }
    }
    used = watched.recorder.tablesUsed(t.db.sqlite);
  }, 60_000);
  afterAll(() => t.close());

  it('names every table of the database, and the database has no other', () => {
    const tables = t.db.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'")
      .pluck()
      .all();
    expect([...tables].sort()).toEqual([...DATA_TABLES].sort());
  });

  it.each(queries)('%s reads only the tables it declares, and writes only what it declares', (query) => {
    // Some answer without SQL (the app's mode, the placeholder list): they ran, and read no table.
    const use = used.get(query) ?? { read: new Set<string>(), written: new Set<string>() };
    const { reads, writes } = contract[query];
    expect(undeclared(use.written, writes)).toEqual([]);
    // A query that writes (the audit row for opening a case page) reads its table to write it.
    expect(undeclared(use.read, [...reads, ...writes])).toEqual([]);
  });
});

describe('what a mutation declares it writes', () => {
  it.each(mutations)('%s writes only the tables it declares', async (mutation) => {
    const watched = watchedDatabase();
    const t = await watched.open;
    try {
      const scenario = writeScenarios(t)[mutation];
      await scenario.write(await scenario.prepare?.());
      const use = watched.recorder.tablesUsed(t.db.sqlite).get(mutation);
      if (!use) throw new Error(`${mutation} ran no SQL`);
      expect(undeclared(use.written, contract[mutation].writes)).toEqual([]);
    } finally {
      t.close();
    }
  });
});
