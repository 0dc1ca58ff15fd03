import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { ImportPreviewDto, ImportSummaryDto } from '@shared/contract';
import { MAX_IMPORT_FILE_BYTES, IMPORT_FILE_TOO_LARGE } from '@shared/contract/timesheet';
import { createDispatcher, type Dispatcher } from '../../services/dispatcher';
import { cliActor } from '../cliActor';
import type { CliCommand, ParsedArgs } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError } from '../io';

function sheetOption(args: ParsedArgs): string[] | undefined {
  const value = args.values.sheet as unknown;
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

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
  const result = await dispatcher.dispatchAsync(channel, payload);
  if (!result.ok) throw new CliFailure(`Feil: ${result.error.message}`);
  return result.value as T;
}

export const importTimesheetCommand: CliCommand = {
  name: 'import-timesheet',
  synopsis: 'import-timesheet FIL.xlsx --db FIL [--dry-run] [--strict] [--sheet NAVN …] [--actor BRUKERNAVN]',
  description: [
    'Importerer et gammelt timeark (Sak, Dato, Kommune, Hendelse, Tidsbruk) i én transaksjon.',
    'Skriver et sammendrag som JSON: rader lest, importert, duplikater hoppet over, saker opprettet,',
    'og hver avviste rad med ark, radnummer og årsak. --dry-run skriver ingenting. --strict importerer',
    'bare når ingen rad avvises. --sheet velger ark (kan gjentas). --actor: hvem revisjonsloggen',
    'skal vise (standard: første aktive administrator).',
    'Avslutningskode 0 når importen er lagret (eller ville blitt det), ellers 1.',
  ],
  options: {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    strict: { type: 'boolean' },
    sheet: { type: 'string', multiple: true },
    actor: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const [file] = args.positionals as [string];
    const path = stringOption(args, 'db');
    if (!path) throw new UsageError('Mangler --db FIL');
    const bytes = readInput(file);
    const db = await openCliDatabase(path);
    try {
      const dispatcher = createDispatcher({ db, session: { actor: cliActor(db, stringOption(args, 'actor')) } });
      const jobId = randomUUID();
      const fileName = file.split(/[\\/]/).at(-1)!.slice(0, 200);
      await must<ImportPreviewDto>(dispatcher, 'timesheet:read-file', { jobId, fileName, contentBase64: bytes.toString('base64') });
      const sheets = sheetOption(args);
      const strict = args.values.strict === true;
      if (args.values['dry-run'] === true) {
        const preview = await must<ImportPreviewDto>(dispatcher, 'timesheet:preview', { jobId, sheets });
        printJson(io, {
          dryRun: true,
          rowsRead: preview.rowsRead,
          wouldImport: preview.rowsToImport,
          duplicatesSkipped: preview.duplicates,
          casesToCreate: preview.casesToCreate,
          rejectedCount: preview.rejectedCount,
          rejected: preview.rejected,
        });
        const refused = preview.rowsRead === 0 || (preview.rowsToImport === 0 && preview.duplicates === 0) || (strict && preview.rejectedCount > 0);
        return refused ? EXIT.failed : EXIT.ok;
      }
      const summary = await must<ImportSummaryDto>(dispatcher, 'timesheet:import', { jobId, sheets, strict });
      printJson(io, {
        committed: summary.committed,
        rowsRead: summary.rowsRead,
        imported: summary.imported,
        duplicatesSkipped: summary.duplicatesSkipped,
        casesCreated: summary.casesCreated,
        rejectedCount: summary.rejectedCount,
        rejected: summary.rejected,
      });
      if (!summary.committed) {
        io.err(`Ingenting ble importert: ${summary.rejectedCount} rader ble avvist (--strict).`);
        return EXIT.failed;
      }
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
