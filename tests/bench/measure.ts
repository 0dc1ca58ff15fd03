/** Timing helpers for the benchmark. Times are milliseconds from performance.now(). */

export interface SampleOptions {
  /** Runs thrown away first: statement caches, page cache and JIT warm up. */
  warmup: number;
  runs: number;
}

export function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Runs `work` warmup + runs times; returns the timed runs. `work` gets the run number (warm-up included). */
export function sample(work: (run: number) => void, options: SampleOptions): number[] {
  for (let i = 0; i < options.warmup; i++) work(i);
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) times.push(timeMs(() => work(options.warmup + i)));
  return times;
}

/**
 * Several pieces of work timed in turn (a, b, a, b, …), so that a ratio between them is not skewed by
 * the machine being busier while one of them ran.
 */
export function sampleInterleaved<K extends string>(work: Record<K, (run: number) => void>, options: SampleOptions): Record<K, number[]> {
  const keys = Object.keys(work) as K[];
  const times = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < options.warmup + options.runs; i++) {
    for (const key of keys) {
      const elapsed = timeMs(() => work[key](i));
      if (i >= options.warmup) times[key].push(elapsed);
    }
  }
  return times;
}

/** `timeMs` for work that answers with a promise (the engine-neutral services): until it settles. */
export async function timeMsAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** `sample` for work that answers with a promise. */
export async function sampleAsync(work: (run: number) => Promise<unknown>, options: SampleOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) times.push(await timeMsAsync(() => work(options.warmup + i)));
  return times;
}

/** `sampleInterleaved` for work that answers with a promise; synchronous work may be mixed in. */
export async function sampleInterleavedAsync<K extends string>(
  work: Record<K, (run: number) => unknown>,
  options: SampleOptions,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(work) as K[];
  const times = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < options.warmup + options.runs; i++) {
    for (const key of keys) {
      const elapsed = await timeMsAsync(async () => work[key](i));
      if (i >= options.warmup) times[key].push(elapsed);
    }
  }
  return times;
}

/** Nearest-rank percentile (p in 0–100): a value that was actually measured. */
export function percentile(times: readonly number[], p: number): number {
  if (times.length === 0) throw new RangeError('Ingen målinger');
  const sorted = [...times].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(times: readonly number[]): number {
  return percentile(times, 50);
}

const msFormat = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMs(ms: number): string {
  return `${msFormat.format(ms).replace(/\u00a0/g, ' ')} ms`;
}
