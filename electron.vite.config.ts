import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * The import aliases, for the builds and the tests (tsconfig.json's `paths` says the same to the type
 * checker and to tsx): `@shared/…` is the code both sides use, `@renderer/…` the window's.
 */
export const aliases = {
  '@shared': resolve('shared'),
  '@renderer': resolve('renderer/src'),
};

/**
 * Three bundles: main (Node, ESM), preload (sandboxed, so a single CommonJS file), renderer (React).
 * `dependencies` stay external in main (better-sqlite3 is native) but for kysely and zod; everything else is bundled.
 */
export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      // kysely and zod are bundled: loaded from node_modules they are ~360 small ES module files, read and
      // linked one by one at every start (about 1 s of a command-line call on this machine).
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      // The workers are their own files: worker_threads starts them by path (see workerPath.ts, workers/runWorker.ts).
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          timesheetWorker: resolve('electron/services/timesheet/worker.ts'),
          timesheetWriteWorker: resolve('electron/services/timesheet/writeWorker.ts'),
          templateWorker: resolve('electron/services/documents/templateWorker.ts'),
          integrityCheckWorker: resolve('electron/main/integrityCheckWorker.ts'),
          // The command line, run with plain `node out/main/cli.js`: no TypeScript compiled per call.
          cli: resolve('electron/cli/index.ts'),
        },
        // Minified: every command-line call parses the code it imports (kysely and zod alone are ~0.4 MB
        // unminified), and parsing was a quarter of a status call's CPU. Function and class names are kept:
        // errors are reported by their class name.
        output: { minify: { compress: { keepNames: { function: true, class: true } }, mangle: { keepNames: true } } },
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      // A sandboxed preload cannot require modules: bundle zod and the contract into one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    resolve: { alias: aliases },
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // The renderer ships inside the installer and is parsed at every start: keep it small.
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        output: {
          codeSplitting: {
            // React and the query cache run on every screen and change only with an upgrade: one file of
            // their own, apart from the app's code. The tables and virtual lists of @tanstack are left
            // out on purpose: only pages use them, and here they would load before the sign-in form.
            groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack[\\/](react-query|query-core))[\\/]/ }],
          },
        },
      },
    },
  },
});
