import { existsSync, writeFileSync } from 'node:fs';
import type { GeneratedFileDto } from '@shared/contract';
import { normaliseCaseCode } from '@shared/caseCode';
import { TEMPLATE_KINDS, type TemplateKind } from '@shared/domain/documents';
import { createDispatcher } from '../../services/dispatcher';
import { PASSWORD_ENV, signInFromEnvironment } from '../actorSignIn';
import { cliActor } from '../cliActor';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError } from '../io';
import { CLI_RESOURCES_DIR } from '../resources';

function isTemplateKind(value: string | undefined): value is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(value ?? '');
}

export const documentCommand: CliCommand = {
  name: 'document',
  synopsis: 'document closure-report|evaluation-form --case KODE --db FIL --out FIL.docx [--actor BRUKERNAVN]',
  description: [
    'Lager avslutningsrapport (closure-report) eller evalueringsskjema (evaluation-form) for saken fra',
    'malen som er i bruk, og fører det i sakens dokumentlogg og revisjonsloggen, som i appen.',
    `--actor logger inn som teammedlemmet med passordet fra miljøvariabelen ${PASSWORD_ENV}; uten`,
    '--actor står den første aktive administratoren som den som laget dokumentet.',
    'En fil som finnes fra før, blir ikke overskrevet.',
  ],
  options: {
    db: { type: 'string' },
    case: { type: 'string' },
    out: { type: 'string' },
    actor: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const [kind] = args.positionals;
    if (!isTemplateKind(kind)) throw new UsageError('Dokumenttypen må være closure-report eller evaluation-form');
    const path = stringOption(args, 'db');
    const code = stringOption(args, 'case');
    const out = stringOption(args, 'out');
    if (!path) throw new UsageError('Mangler --db FIL');
    if (!code) throw new UsageError('Mangler --case KODE');
    if (!out) throw new UsageError('Mangler --out FIL.docx');
    if (!/\.docx$/iu.test(out)) throw new UsageError('--out må slutte på .docx');
    if (existsSync(out)) throw new CliFailure(`${out} finnes allerede.`);
    const db = await openCliDatabase(path);
    try {
      const row = db.sqlite.prepare('select id from cases where code = ?').get(normaliseCaseCode(code)) as { id: number } | undefined;
      if (!row) throw new CliFailure('Fant ingen sak med det saksnummeret.');
      const actor = stringOption(args, 'actor');
      const dispatcher = createDispatcher({ db, resourcesDir: CLI_RESOURCES_DIR, session: { actor: actor === undefined ? cliActor(db, undefined) : null } });
      if (actor !== undefined) {
        const signIn = signInFromEnvironment(dispatcher, actor);
        if (!signIn.ok) throw new CliFailure(`Feil: ${signIn.error.message}`);
      }
      const result = await dispatcher.dispatchAsync('documents:generate', { caseId: row.id, kind });
      if (!result.ok) throw new CliFailure(`Feil: ${result.error.message}`);
      const file = result.value as GeneratedFileDto;
      const bytes = Buffer.from(file.contentBase64, 'base64');
      writeFileSync(out, bytes, { flag: 'wx' });
      printJson(io, { out, kind, fileName: file.fileName, templateVersion: file.log.templateVersion, bytes: bytes.length });
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
