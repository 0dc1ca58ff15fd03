import { formatCount, formatInteger } from '@shared/count';
import { PostgresUrlError } from '../../db/postgres/connect';
import { copySqliteToPostgres, type CopyStep, type CopySummary } from '../../db/postgres/copyFromSqlite/copySqliteToPostgres';
import { CopyToServerError } from '../../db/postgres/copyFromSqlite/copyError';
import type { CommandArgs } from '../command';
import type { migrateToServerSpec } from '../commandSpecs';
import { CliFailure, EXIT, printJson, type CliIo } from '../io';

const STAGE_WORDS: Record<CopyStep['stage'], string> = { copied: 'kopiert', compared: 'kontrollert' };

/** The server and database as they may be shown: never the user's password, and not the user name either. */
function serverLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

function printReadable(io: CliIo, server: string, summary: CopySummary): void {
  const width = Math.max(...summary.tables.map((table) => table.table.length));
  io.out(
    [
      `Databasefilen er flyttet til ${server}: ${formatCount(summary.tables.length, 'tabell')}, ${formatCount(summary.rows, 'rad')}.`,
      ...summary.tables.map((table) => `  ${table.table.padEnd(width)}  ${formatInteger(table.rows).padStart(9)}`),
      `Revisjonsloggen er kontrollert før og etter (${formatCount(summary.auditRows, 'rad')}), og hver tabell er lik på serveren og i filen.`,
      `Filen er nå teamet «${summary.team.name}» (nr. ${summary.team.id}) på serveren.`,
      'Teammedlemmene har ingen pålogging på serveren ennå (passordene i filen kan ikke brukes der): databasens eier eller',
      'teamets administrator gir hver av dem en med ettervern_give_login(medlemmets id, SCRAM-nøkkel).',
      '',
    ].join('\n'),
  );
}

/**
 * `migrate-to-server`: the engine (db/postgres/copyFromSqlite) does the work in one server transaction; this
 * prints what it copied. Its refusals are Norwegian and never quote the address, so they are printed as
 * they are. The file is only read, so no witness moves and no check history is kept for it.
 */
export async function runMigrateToServer(args: CommandArgs<typeof migrateToServerSpec>, io: CliIo): Promise<number> {
  let summary: CopySummary;
  try {
    const started = io.now().getTime();
    const seconds = () => Math.round((io.now().getTime() - started) / 1000);
    // Progress on stderr, so stdout stays the summary (or its JSON); only tables with rows, to keep it short.
    const onTable = (step: CopyStep) => {
      if (step.rows > 0) io.err(`${step.table}: ${formatCount(step.rows, 'rad')} ${STAGE_WORDS[step.stage]} (${formatCount(seconds(), 'sekund')})`);
    };
    summary = await copySqliteToPostgres(args.from, args.to, { team: args.team, onTable });
  } catch (error) {
    if (error instanceof CopyToServerError || error instanceof PostgresUrlError) throw new CliFailure(error.message);
    throw error;
  }
  const server = serverLabel(args.to);
  if (args.json) printJson(io, { ok: true, server, ...summary });
  else printReadable(io, server, summary);
  return EXIT.ok;
}
