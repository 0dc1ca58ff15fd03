import type { IntegrityReport } from '../db/integrity';
import type { ReadOnlyState } from '../services/context';
import { runWorker, workerScript, type WorkerLimits } from '../services/workers/runWorker';
import type { CheckHistoryStore } from '../db/checkPlan';
import { recoveryState } from './startup';

export interface IntegrityCheckRequest {
  path: string;
  nativeBinding?: string;
}

/** The worker's entry; electron.vite.config.ts emits it beside the main bundle under this name. */
export const INTEGRITY_WORKER_ENTRY = 'integrityCheckWorker';

/** SQLite does the reading with its own page cache; the time limit is generous for a slow network share. */
const LIMITS: WorkerLimits = { resourceLimits: { maxOldGenerationSizeMb: 64 }, timeLimitMs: 30 * 60 * 1000 };

/** Checks the file in a worker thread; rejects with WorkerFailedError if the worker could not finish. */
export function checkInBackground(request: IntegrityCheckRequest): Promise<IntegrityReport> {
  return runWorker<IntegrityReport>(workerScript(import.meta.url, INTEGRITY_WORKER_ENTRY), request, LIMITS);
}

export interface DeferredCheck extends IntegrityCheckRequest {
  history: Pick<CheckHistoryStore, 'checkedGood'>;
  now: () => Date;
  /** The file is damaged: the app switches to recovery mode (read-only, restore offered) at once. */
  onDamaged: (state: ReadOnlyState) => void;
  /** The worker could not finish (out of time or memory): nothing is concluded, the next start tries again. */
  onFailed: (error: unknown) => void;
}

/** The background check of a large file while the app is in use, and what follows from its answer. */
export async function runDeferredCheck(check: DeferredCheck): Promise<void> {
  let report: IntegrityReport;
  try {
    report = await checkInBackground({ path: check.path, ...(check.nativeBinding ? { nativeBinding: check.nativeBinding } : {}) });
  } catch (error) {
    check.onFailed(error);
    return;
  }
  if (report.ok) check.history.checkedGood(check.now());
  else check.onDamaged(recoveryState(check.path));
}
