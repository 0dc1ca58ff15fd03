import { describe, expect, it } from 'vitest';
import { startChangeWatcher, type DatabaseBanner, type DatabaseChangesAnswer } from '@renderer/features/database/changeWatcher';

/** A watcher driven by hand: the test answers each poll and fires the interval itself. */
function drive(options: { first?: DatabaseChangesAnswer; visible?: () => boolean } = {}) {
  // The watcher asks once as it starts: that answer has to be there already.
  const answers: (DatabaseChangesAnswer | null | Error)[] = options.first ? [options.first] : [];
  const banners: DatabaseBanner[] = [];
  let changed = 0;
  let presence = 0;
  let asked = 0;
  let tick: (() => void) | null = null;
  let cleared = false;
  const watcher = startChangeWatcher({
    ask: async () => {
      asked++;
      const next = answers.shift();
      if (next === undefined) throw new Error('no answer queued');
      if (next instanceof Error) throw next;
      return next;
    },
    onChanged: () => changed++,
    onPresence: () => presence++,
    onBanner: (banner) => banners.push(banner),
    isVisible: options.visible ?? (() => true),
    intervalMs: 2_500,
    setInterval: (run, ms) => {
      expect(ms).toBe(2_500);
      tick = run;
      return 7;
    },
    clearInterval: (handle) => {
      expect(handle).toBe(7);
      cleared = true;
    },
  });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    watcher,
    banners,
    answers,
    get changed() {
      return changed;
    },
    get presence() {
      return presence;
    },
    get asked() {
      return asked;
    },
    get cleared() {
      return cleared;
    },
    /** Queues one answer and lets the interval fire once. */
    async next(answer: DatabaseChangesAnswer | null | Error) {
      answers.push(answer);
      tick!();
      await flush();
    },
    flush,
  };
}

const count = (changeCount: number, extra: Partial<DatabaseChangesAnswer> = {}): DatabaseChangesAnswer => ({
  changeCount,
  presenceCount: 0,
  upgradedByNewer: false,
  unavailable: false,
  ...extra,
});

describe('the database change watcher', () => {
  it('takes the first answer as the baseline and refreshes only when the count moves', async () => {
    const run = drive({ first: count(4) });
    await run.flush();
    expect(run.changed).toBe(0);
    await run.next(count(4));
    expect(run.changed).toBe(0);
    await run.next(count(6));
    expect(run.changed).toBe(1);
    await run.next(count(6));
    expect(run.changed).toBe(1);
    // A reopened connection starts counting again: still another state than the one cached.
    await run.next(count(1));
    expect(run.changed).toBe(2);
    expect(run.banners).toEqual([]);
  });

  it('refreshes only the presence line when another PC only renewed its presence, everything when it also wrote', async () => {
    const run = drive({ first: count(4, { presenceCount: 7 }) });
    await run.flush();
    await run.next(count(4, { presenceCount: 8 }));
    expect({ changed: run.changed, presence: run.presence }).toEqual({ changed: 0, presence: 1 });
    await run.next(count(4, { presenceCount: 8 }));
    expect({ changed: run.changed, presence: run.presence }).toEqual({ changed: 0, presence: 1 });
    // A save and a heartbeat between two looks: refreshing everything covers the presence line too.
    await run.next(count(5, { presenceCount: 9 }));
    expect({ changed: run.changed, presence: run.presence }).toEqual({ changed: 1, presence: 1 });
  });

  it('does not ask while the window is hidden, and asks at once when told it is shown again', async () => {
    let visible = false;
    const run = drive({ visible: () => visible });
    await run.flush();
    await run.next(count(1));
    expect(run.asked).toBe(0);
    visible = true;
    await run.watcher.poll();
    expect(run.asked).toBe(1);
  });

  it('shows «not available» while the share is gone and clears it, refreshing everything, when it is back', async () => {
    const run = drive({ first: count(3) });
    await run.flush();
    await run.next(count(3, { unavailable: true }));
    expect(run.banners).toEqual(['unavailable']);
    await run.next(new Error('the bridge failed'));
    expect(run.banners).toEqual(['unavailable']);
    expect(run.changed).toBe(0);
    await run.next(count(3));
    expect(run.banners).toEqual(['unavailable', 'none']);
    expect(run.changed).toBe(1);
  });

  it('keeps «upgraded by a newer version» for good once seen', async () => {
    const run = drive({ first: count(3) });
    await run.flush();
    await run.next(count(9, { upgradedByNewer: true }));
    await run.next(count(10));
    await run.next(count(10, { unavailable: true }));
    expect(run.banners).toEqual(['upgraded']);
    expect(run.changed).toBe(0);
  });

  it('treats «no news» (a locked screen) as nothing, and stops polling when stopped', async () => {
    const run = drive({ first: count(2) });
    await run.flush();
    await run.next(null);
    expect(run.banners).toEqual([]);
    await run.next(count(2));
    expect(run.changed).toBe(0);
    run.watcher.stop();
    expect(run.cleared).toBe(true);
    await run.watcher.poll();
    expect(run.asked).toBe(3);
  });

  it('does not ask twice at once when an answer is slow', async () => {
    let release: (answer: DatabaseChangesAnswer) => void = () => undefined;
    let asked = 0;
    const watcher = startChangeWatcher({
      ask: () => {
        asked++;
        return new Promise((resolve) => (release = resolve));
      },
      onChanged: () => undefined,
      onPresence: () => undefined,
      onBanner: () => undefined,
      isVisible: () => true,
      intervalMs: 2_500,
      setInterval: () => 1,
      clearInterval: () => undefined,
    });
    void watcher.poll();
    void watcher.poll();
    expect(asked).toBe(1);
    release(count(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    void watcher.poll();
    expect(asked).toBe(2);
    watcher.stop();
  });
});
