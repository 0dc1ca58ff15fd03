/**
 * What `database:changes` answers: counters of other PCs' commits (those that wrote data, and those that
 * only renewed their presence) and two states that stop the work.
 */
export interface DatabaseChangesAnswer {
  changeCount: number;
  presenceCount: number;
  upgradedByNewer: boolean;
  unavailable: boolean;
}

/** The banner the app shows over everything: none, a newer Ettervern upgraded the file, or the share is gone. */
export type DatabaseBanner = 'none' | 'upgraded' | 'unavailable';

export interface ChangeWatcherOptions {
  /**
   * Asks `database:changes`. A rejection counts as the share being out of reach; null means no news
   * this time (the screen is locked, say) and changes nothing.
   */
  ask: () => Promise<DatabaseChangesAnswer | null>;
  /** Someone else committed data: every cached answer may be out of date. */
  onChanged: () => void;
  /** Someone else only renewed their presence (a heartbeat): just «who else is here» is out of date. */
  onPresence: () => void;
  onBanner: (banner: DatabaseBanner) => void;
  /** Whether the window is shown; a hidden window does not poll (no page reads over the network for nothing). */
  isVisible: () => boolean;
  intervalMs: number;
  setInterval: (run: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

export interface ChangeWatcher {
  /** Asks at once (when the window comes back into view), unless an answer is still on its way. */
  poll(): Promise<void>;
  stop(): void;
}

/**
 * Polls `database:changes` every `intervalMs` while the window is visible. The first answer only sets
 * the baseline; after that a different data count (normally higher; lower after the connection was
 * reopened) makes every cached query stale, and a different presence count only the presence line. «Upgraded by a newer version» stays until the app is updated; «not
 * available» clears by itself, and its clearing also refreshes everything, since reads failed meanwhile.
 */
export function startChangeWatcher(options: ChangeWatcherOptions): ChangeWatcher {
  let lastCount: number | null = null;
  let lastPresence: number | null = null;
  let banner: DatabaseBanner = 'none';
  let inFlight = false;
  let stopped = false;

  const show = (next: DatabaseBanner) => {
    if (next === banner) return;
    banner = next;
    options.onBanner(next);
  };

  const observe = (answer: DatabaseChangesAnswer) => {
    if (banner === 'upgraded') return;
    if (answer?.upgradedByNewer) {
      show('upgraded');
      return;
    }
    if (answer.unavailable) {
      show('unavailable');
      return;
    }
    const cameBack = banner === 'unavailable';
    const changed = lastCount !== null && answer.changeCount !== lastCount;
    const arrived = lastPresence !== null && answer.presenceCount !== lastPresence;
    lastCount = answer.changeCount;
    lastPresence = answer.presenceCount;
    show('none');
    // Refreshing everything covers the presence line too.
    if (changed || cameBack) options.onChanged();
    else if (arrived) options.onPresence();
  };

  const poll = async () => {
    if (stopped || inFlight || !options.isVisible()) return;
    inFlight = true;
    let answer: DatabaseChangesAnswer | null;
    try {
      answer = await options.ask();
      if (answer === null) return;
    } catch {
      answer = { changeCount: lastCount ?? 0, presenceCount: lastPresence ?? 0, upgradedByNewer: false, unavailable: true };
    } finally {
      inFlight = false;
    }
    if (!stopped) observe(answer);
  };

  const handle = options.setInterval(() => void poll(), options.intervalMs);
  void poll();
  return {
    poll,
    stop: () => {
      stopped = true;
      options.clearInterval(handle);
    },
  };
}
