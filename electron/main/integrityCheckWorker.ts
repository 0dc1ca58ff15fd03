import { parentPort, workerData } from 'node:worker_threads';
import { checkDatabaseFile } from '../db/integrity';
import { WORKER_READY } from '../services/workers/runWorker';
import type { IntegrityCheckRequest } from './backgroundCheck';

/**
 * `quick_check` on its own read-only connection, off the main thread: the window stays responsive and
 * the main connection keeps working while a large file is read through. Posts the report (page numbers
 * and index names only, never row values).
 */
const port = parentPort;
if (!port) throw new Error('Kjøres som worker');
const request = workerData as IntegrityCheckRequest;
port.postMessage(WORKER_READY);
port.postMessage(checkDatabaseFile(request.path, 'quick', request.nativeBinding));
