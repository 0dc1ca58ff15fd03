import { writeFileSync } from 'node:fs';
import { auditWorkbook } from '../../services/audit/export';
import { verifyAuditChain } from '../../services/audit/log';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError } from '../io';

/**
 * `audit verify`: walks the hash chain and names the first row that was changed or removed outside
 * the app. `audit export`: the whole log as .xlsx. Both read only; neither needs a password, since
 * whoever holds the database file can read it anyway — the point is to detect tampering.
 */
export const auditCommand: CliCommand = {
  name: 'audit',
  synopsis: 'audit verify --db FIL | audit export --db FIL --out FIL.xlsx',
  description: [
    'verify: kontrollerer hash-kjeden i revisjonsloggen. Kode 1 og nummeret på første brutte rad',
    'hvis en rad er endret eller fjernet utenfor appen.',
    'export: skriver hele revisjonsloggen til en Excel-fil.',
  ],
  options: { db: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const [action] = args.positionals;
    const path = stringOption(args, 'db');
    if (!path) throw new UsageError('Mangler --db FIL');
    if (action !== 'verify' && action !== 'export') throw new UsageError('Bruk «audit verify» eller «audit export»');
    const out = stringOption(args, 'out');
    if (action === 'export' && !out) throw new UsageError('Mangler --out FIL.xlsx');
    const db = await openCliDatabase(path);
    try {
      if (action === 'verify') {
        const verdict = verifyAuditChain(db);
        printJson(io, verdict);
        if (verdict.ok) {
          io.err(`Revisjonsloggen er hel (${verdict.rows} rader).`);
          return EXIT.ok;
        }
        io.err(`Revisjonsloggen er endret utenfor appen: første brutte rad er nr. ${verdict.firstBrokenId}.`);
        return EXIT.failed;
      }
      const { buffer, rows } = await auditWorkbook(db, undefined);
      try {
        writeFileSync(out!, buffer);
      } catch {
        throw new CliFailure(`Kunne ikke skrive ${out}.`);
      }
      printJson(io, { file: out, rows });
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
