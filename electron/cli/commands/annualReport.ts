import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualReportFilesDto, AnnualReportTextsDto } from '@shared/contract';
import { annualReportFileName, chaptersWithoutText, chaptersWithoutTextMessage } from '@shared/domain/annualReport';
import { createDispatcher } from '../../services/dispatcher';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { annualReportSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, valueOf, type CliIo } from '../io';

export async function runAnnualReport(args: CommandArgs<typeof annualReportSpec>, io: CliIo): Promise<number> {
  const { year, out } = args;
  // Refused before any work (and before the audit row): the files would not be written anyway.
  const existing = (['docx', 'xlsx'] as const).map((ext) => join(out, annualReportFileName(year, ext))).find((p) => existsSync(p));
  if (existing) throw new CliFailure(`${existing} finnes allerede.`);
  const files = await withCliDatabase(
    args.db,
    async (db) => {
      const dispatcher = createDispatcher({ db });
      await signIn(dispatcher, args.actor);
      // Said before the report is made, so the team can write the missing texts first; --strict insists.
      const texts = valueOf<AnnualReportTextsDto>(await dispatcher.dispatchAsync('annual-report:texts', { year }));
      const missing = chaptersWithoutTextMessage(chaptersWithoutText(texts.sections));
      if (missing && args.strict) throw new CliFailure(`Årsrapporten for ${year} er ikke laget. ${missing}`);
      if (missing) io.err(missing);
      return valueOf<AnnualReportFilesDto>(await dispatcher.dispatchAsync('annual-report:generate', { year }));
    },
    { pc: thisPc(args.vitnemappe, io) },
  );
  mkdirSync(out, { recursive: true });
  const written = [files.docx, files.xlsx].map((file) => ({ path: join(out, file.fileName), bytes: Buffer.from(file.contentBase64, 'base64') }));
  for (const w of written) writeFileSync(w.path, w.bytes, { flag: 'wx' });
  printJson(io, { year, files: written.map((w) => ({ path: w.path, bytes: w.bytes.length })) });
  return EXIT.ok;
}
