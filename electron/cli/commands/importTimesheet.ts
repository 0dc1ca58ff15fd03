import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { ImportPreviewDto, ImportSummaryDto } from '@shared/contract';
import { MAX_IMPORT_FILE_BYTES, IMPORT_FILE_TOO_LARGE } from '@shared/contract/timesheet';
import { createDispatcher, type Dispatcher } from '../../services/dispatcher';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { importTimesheetSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, valueOf, type CliIo } from '../io';

function readInput(path: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliFailure(`Fant ikke filen ${path}.`);
  }
  // Checked before reading: a huge file is refused without loading it.
  if (size > MAX_IMPORT_FILE_BYTES) throw new CliFailure(`${IMPORT_FILE_TOO_LARGE}.`);
  return readFileSync(path);
}

async function must<T>(dispatcher: Dispatcher, channel: string, payload: unknown): Promise<T> {
  return valueOf<T>(await dispatcher.dispatchAsync(channel, payload));
}

export async function runImportTimesheet(args: CommandArgs<typeof importTimesheetSpec>, io: CliIo): Promise<number> {
  const { file, strict } = args;
  const bytes = readInput(file);
  return withCliDatabase(
    args.db,
    async (db) => {
      const dispatcher = createDispatcher({ db });
      await signIn(dispatcher, args.actor);
      const jobId = randomUUID();
      const fileName = file.split(/[\\/]/).at(-1)!.slice(0, 200);
      await must<ImportPreviewDto>(dispatcher, 'timesheet:read-file', { jobId, fileName, contentBase64: bytes.toString('base64') });
      // No --sheet means every sheet.
      const sheets = args.sheet.length > 0 ? args.sheet : undefined;
      if (args['dry-run']) {
        const preview = await must<ImportPreviewDto>(dispatcher, 'timesheet:preview', { jobId, sheets });
        printJson(io, {
          dryRun: true,
          rowsRead: preview.rowsRead,
          wouldImport: preview.rowsToImport,
          duplicatesSkipped: preview.duplicates,
          existingSkipped: preview.existing,
          casesToCreate: preview.casesToCreate,
          rejectedCount: preview.rejectedCount,
          rejected: preview.rejected,
        });
        const refused =
          preview.rowsRead === 0 || (preview.rowsToImport === 0 && preview.duplicates === 0 && preview.existing === 0) || (strict && preview.rejectedCount > 0);
        return refused ? EXIT.failed : EXIT.ok;
      }
      const summary = await must<ImportSummaryDto>(dispatcher, 'timesheet:import', { jobId, sheets, strict });
      printJson(io, {
        committed: summary.committed,
        rowsRead: summary.rowsRead,
        imported: summary.imported,
        duplicatesSkipped: summary.duplicatesSkipped,
        existingSkipped: summary.existingSkipped,
        casesCreated: summary.casesCreated,
        rejectedCount: summary.rejectedCount,
        rejected: summary.rejected,
      });
      if (!summary.committed) {
        io.err(`Ingenting ble importert: ${summary.rejectedCount} rader ble avvist (--strict).`);
        return EXIT.failed;
      }
      return EXIT.ok;
    },
    { pc: thisPc(args.vitnemappe, io) },
  );
}
