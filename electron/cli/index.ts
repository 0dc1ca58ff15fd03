import { processIo } from './io';
import { runCli } from './main';

/**
 * Ettervern's command line: a thin shell over the same dispatcher and services as the app.
 * `npm run cli -- --help` lists the commands.
 */
process.exitCode = await runCli(process.argv.slice(2), processIo);
