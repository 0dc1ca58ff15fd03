import { describe, expect, it } from 'vitest';
import { runWorker, WorkerFailedError, type WorkerLimits, type WorkerScript } from '../../electron/services/workers/runWorker';

/** A CommonJS worker body given as text: posts «ready», then runs `job`. */
const script = (job: string): WorkerScript => ({
  eval: true,
  code: `const { parentPort } = require('node:worker_threads'); parentPort.postMessage('ready'); ${job}`,
});
const LIMITS: WorkerLimits = { resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 }, timeLimitMs: 500 };

describe('runWorker', () => {
  it('answers with the worker’s message', async () => {
    await expect(runWorker(script(`parentPort.postMessage({ sum: 1 + 2 });`), null, LIMITS)).resolves.toEqual({ sum: 3 });
  });

  it('stops a job that runs past its time and keeps the main thread free meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    await expect(runWorker(script('for (;;) {}'), null, LIMITS)).rejects.toEqual(new WorkerFailedError('timeout'));
    clearInterval(ticker);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThan(10);
  });

  it('stops a job that grows past its heap cap', async () => {
    const job = 'const keep = []; for (;;) keep.push(new Array(100000).fill({ a: 1 }));';
    await expect(runWorker(script(job), null, { ...LIMITS, timeLimitMs: 20_000 })).rejects.toEqual(new WorkerFailedError('out_of_memory'));
  });

  it('counts the job’s time from «ready», not from the start of loading', async () => {
    const slowLoad = {
      eval: true,
      code: `const { parentPort } = require('node:worker_threads'); const until = Date.now() + 700; while (Date.now() < until) {} parentPort.postMessage('ready'); parentPort.postMessage('ferdig');`,
    };
    await expect(runWorker(slowLoad, null, LIMITS)).resolves.toBe('ferdig');
    await expect(runWorker(slowLoad, null, { ...LIMITS, startupLimitMs: 200 })).rejects.toEqual(new WorkerFailedError('timeout'));
  });

  it('reports a worker that dies without answering', async () => {
    await expect(runWorker(script('process.exit(3);'), null, LIMITS)).rejects.toEqual(new WorkerFailedError('crashed'));
  });
});
