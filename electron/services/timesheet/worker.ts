import { parentPort, workerData } from 'node:worker_threads';
import { FileRefusedError } from './fileErrors';
import { transferables } from './packedRows';
import { readWorkbook } from './readWorkbook';
import type { WorkerMessage, WorkerRequest } from './types';

/**
 * Reads one picked file off the main thread. Runs with a capped heap (see WORKER_LIMITS) and is
 * terminated by its owner when it takes too long; a refusal is posted as a code, never as file content.
 */
const port = parentPort;
if (!port) throw new Error('Kjøres som worker');

async function main(request: WorkerRequest): Promise<void> {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port!.postMessage(message, transfer);
  try {
    const workbook = await readWorkbook(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength), {
      onProgress: (rowsRead) => post({ type: 'progress', rowsRead }),
    });
    // Moved, not cloned: the row arrays are the bulk of the answer.
    post(
      { type: 'done', workbook },
      workbook.sheets.flatMap((s) => transferables(s.rows)),
    );
  } catch (error) {
    post({ type: 'refused', refusal: error instanceof FileRefusedError ? error.refusal : 'unreadable' });
  }
}

// The request comes as workerData: it is there before this module runs, however long loading takes.
void main(workerData as WorkerRequest);
