import type { AppDatabase } from '../../../electron/db/open';
import type { ChannelInput, ChannelName } from '@shared/contract';
import { createDispatcher, type Dispatcher } from '../../../electron/services/dispatcher';
import type { MeasureResult } from '../report';

/** What every measure gets: the cached 1M database (never written to) and a scratch folder. */
export interface BenchContext {
  cachedDatabase: string;
  tempDir: string;
  lastYear: number;
  log(line: string): void;
  /** Runs `cleanup` when the whole run ends, after every measure (a server several measures share). */
  atEnd(cleanup: () => Promise<void>): void;
}

/** One measure of the benchmark. To add one: write it, then list it in run.ts. */
export interface BenchMeasure {
  name: string;
  /** Makes its own data: a run of only such measures does not build the 1M database. */
  ownData?: boolean;
  /** Runs only when asked for by name (`npm run bench -- 10M`): too slow or too large for every bench run. */
  optIn?: boolean;
  run(ctx: BenchContext): Promise<MeasureResult[]>;
}

/**
 * A dispatcher with an administrator on the session, for a read-only database: signing in would write
 * an audit row, and every channel but sign-in needs someone signed in.
 */
export function readerDispatcher(db: AppDatabase): Dispatcher {
  return createDispatcher({ db, session: { actor: administrator(db) } });
}

function administrator(db: AppDatabase) {
  const reader = db.sqlite.prepare("select id, username from team_members where role = 'administrator' order by id limit 1").get() as {
    id: number;
    username: string;
  };
  return { ...reader, role: 'administrator' as const };
}

/**
 * For the annual report on a read-only database: the channel is let through and writes no audit row
 * there, so a cached file stays untouched.
 */
export function reportDispatcher(db: AppDatabase): Dispatcher {
  return createDispatcher({
    db,
    session: { actor: administrator(db) },
    readOnly: { mode: 'read-only', reason: 'Målingen skriver ikke.', allow: ['annual-report:generate'] },
  });
}

/** `callOk` for a channel whose service answers with a promise. */
export async function callOkAsync<C extends ChannelName>(dispatcher: Dispatcher, channel: C, input: ChannelInput<C>): Promise<unknown> {
  const result = await dispatcher.dispatchAsync(channel, input);
  if (!result.ok) throw new Error(`${channel} feilet: ${result.error.code}`);
  return result.value;
}

/** One synchronous call that must succeed; a failure stops the measure with the channel's error code. */
export function callOk<C extends ChannelName>(dispatcher: Dispatcher, channel: C, input: ChannelInput<C>): unknown {
  const result = dispatcher.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} feilet: ${result.error.code}`);
  return result.value;
}
