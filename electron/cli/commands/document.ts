import { existsSync, writeFileSync } from 'node:fs';
import type { GeneratedFileDto } from '@shared/contract';
import { normaliseCaseCode } from '@shared/caseCode';
import { createDispatcher } from '../../services/dispatcher';
import { signIn } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { documentSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError, valueOf, type CliIo } from '../io';
import { CLI_RESOURCES_DIR } from '../resources';

export async function runDocument(args: CommandArgs<typeof documentSpec>, io: CliIo): Promise<number> {
  const { kind, out } = args;
  if (!/\.docx$/iu.test(out)) throw new UsageError('--out må slutte på .docx');
  if (existsSync(out)) throw new CliFailure(`${out} finnes allerede.`);
  const file = await withCliDatabase(
    args.db,
    async (db) => {
      const row = db.sqlite.prepare('select id from cases where code = ?').get(normaliseCaseCode(args.case)) as { id: number } | undefined;
      if (!row) throw new CliFailure('Fant ingen sak med den sakskoden.');
      const dispatcher = createDispatcher({ db, resourcesDir: CLI_RESOURCES_DIR });
      await signIn(dispatcher, args.actor);
      return valueOf<GeneratedFileDto>(await dispatcher.dispatchAsync('documents:generate', { caseId: row.id, kind }));
    },
    { pc: thisPc(args.vitnemappe, io) },
  );
  const bytes = Buffer.from(file.contentBase64, 'base64');
  writeFileSync(out, bytes, { flag: 'wx' });
  printJson(io, { out, kind, fileName: file.fileName, templateVersion: file.log.templateVersion, bytes: bytes.length });
  return EXIT.ok;
}
