import { defineConfig } from 'vitest/config';
import { aliases } from './electron.vite.config';

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          setupFiles: ['tests/support/cliStateFolder.ts'],
          // Node 20 can abort the whole test process when a worker thread is terminated (the import's time cap)
          // while V8 is optimising its code on a background thread; compiling on the main thread avoids the race.
          execArgv: ['--no-concurrent-recompilation'],
        },
      },
      {
        extends: true,
        test: {
          // The same schema and triggers on a real PostgreSQL server, started once for the project.
          name: 'postgres',
          include: ['tests/postgres/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/support/postgresGlobalSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
