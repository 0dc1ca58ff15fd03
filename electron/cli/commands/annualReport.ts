import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualReportFilesDto } from '@shared/contract';
import { annualReportFileName } from '@shared/domain/annualReport';
import { createDispatcher } from '../../services/dispatcher';
import { cliActor } from '../cliActor';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError } from '../io';

function yearOption(text: string | undefined): number {
  if (text === undefined) throw new UsageError('Mangler --year ÅÅÅÅ');
  if (!/^\d{4}$/u.test(text)) throw new UsageError('--year må være et årstall (ÅÅÅÅ)');
  return Number(text);
}

export const annualReportCommand: CliCommand = {
  name: 'annual-report',
  synopsis: 'annual-report --db FIL --year ÅÅÅÅ --out MAPPE',
  description: [
    'Lager årsrapporten for året: «Årsrapport ettervernsteamet ÅÅÅÅ.docx» og «… .xlsx» i MAPPE',
    '(mappen lages om den mangler). Filer som finnes fra før, blir ikke overskrevet.',
  ],
  options: {
    db: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    actor: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const path = stringOption(args, 'db');
    const out = stringOption(args, 'out');
    if (!path) throw new UsageError('Mangler --db FIL');
    const year = yearOption(stringOption(args, 'year'));
    if (!out) throw new UsageError('Mangler --out MAPPE');
    // Refused before any work (and before the audit row): the files would not be written anyway.
    const existing = (['docx', 'xlsx'] as const).map((ext) => join(out, annualReportFileName(year, ext))).find((p) => existsSync(p));
    if (existing) throw new CliFailure(`${existing} finnes allerede.`);
    const db = await openCliDatabase(path);
    try {
      const dispatcher = createDispatcher({ db, session: { actor: cliActor(db, stringOption(args, 'actor')) } });
      const result = await dispatcher.dispatchAsync('annual-report:generate', { year });
      if (!result.ok) throw new CliFailure(`Feil: ${result.error.message}`);
      const files = result.value as AnnualReportFilesDto;
      mkdirSync(out, { recursive: true });
      const written = [files.docx, files.xlsx].map((file) => ({ path: join(out, file.fileName), bytes: Buffer.from(file.contentBase64, 'base64') }));
      for (const w of written) writeFileSync(w.path, w.bytes, { flag: 'wx' });
      printJson(io, { year, files: written.map((w) => ({ path: w.path, bytes: w.bytes.length })) });
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
