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
  run(ctx: BenchContext): Promise<MeasureResult[]>;
}
