import type { AppDatabase } from '../../../electron/db/open';
import { createDispatcher, type Dispatcher } from '../../../electron/services/dispatcher';
import type { MeasureResult } from '../report';

/** What every measure gets: the cached 1M database (never written to) and a scratch folder. */
export interface BenchContext {
  cachedDatabase: string;
  tempDir: string;
  lastYear: number;
  log(line: string): void;
}

/** One measure of the benchmark. To add one: write it, then list it in run.ts. */
export interface BenchMeasure {
  name: string;
  /** Makes its own data: a run of only such measures does not build the 1M database. */
  ownData?: boolean;
  run(ctx: BenchContext): Promise<MeasureResult[]>;
}

/**
 * A dispatcher with an administrator on the session, for a read-only database: signing in would write
 * an audit row, and every channel but sign-in needs someone signed in.
 */
export function readerDispatcher(db: AppDatabase): Dispatcher {
  const reader = db.sqlite.prepare("select id, username from team_members where role = 'administrator' order by id limit 1").get() as {
    id: number;
    username: string;
  };
  return createDispatcher({ db, session: { actor: { ...reader, role: 'administrator' } } });
}
