import { yearSchema } from '@shared/contract/common';
import { formatHours, formatInteger } from '@shared/format';
import { caseFigures } from '../../services/statistics/caseFigures';
import { annualPivot } from '../../services/statistics/annualPivot';
import type { Db } from '../../db/engine';
import { readSnapshot } from '../../db/query';
import type { CommandArgs } from '../command';
import type { statsSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { isServerAddress } from '../serverAddress';
import { EXIT, printJson, UsageError, type CliIo } from '../io';

export interface StatsJson {
  year: number;
  hoursByMunicipalityAndCategory: { municipality: string; category: string; hours: number; entries: number }[];
  casesByMunicipality: { municipality: string; total: number; referred: number; active: number; closed: number }[];
}

/**
 * A year's figures from the same services as Statistikk: hours and entries per municipality × category
 * (the annual pivot; only cells with time logged), and cases per municipality — `total` is every case with
 * a referral or time logged in the year, imported cases included; `active` means active on 31 December.
 */
export async function statsForYear(db: Db, year: number): Promise<StatsJson> {
  // One snapshot, so the hours and the cases are of the same moment.
  const { pivot, cases } = await readSnapshot(db, async (tx) => ({
    pivot: await annualPivot({ db: tx }, { year }),
    cases: await caseFigures({ db: tx }, { year }),
  }));
  return {
    year,
    hoursByMunicipalityAndCategory: pivot.cells.map((c) => ({ municipality: c.municipality, category: c.category, hours: c.hours, entries: c.entries })),
    casesByMunicipality: cases.rows.map((r) => ({
      municipality: r.municipality,
      total: r.total,
      referred: r.referred,
      active: r.activeAtEnd,
      closed: r.closed,
    })),
  };
}

function table(headings: string[], rows: string[][], numericFrom: number): string {
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= numericFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headings), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function printReadable(io: CliIo, stats: StatsJson): void {
  const hours = stats.hoursByMunicipalityAndCategory.map((c) => [c.municipality, c.category, formatHours(c.hours * 60), formatInteger(c.entries)]);
  const cases = stats.casesByMunicipality.map((c) => [c.municipality, ...[c.total, c.referred, c.active, c.closed].map(formatInteger)]);
  io.out(
    [
      `Timer per kommune og hendelse ${stats.year}`,
      hours.length > 0 ? table(['Kommune', 'Hendelse', 'Timer', 'Registreringer'], hours, 2) : `Ingen timer registrert i ${stats.year}.`,
      '',
      `Saker per kommune ${stats.year} (antall saker)`,
      table(['Kommune', 'I alt', 'Henvist', 'Aktive 31.12.', 'Avsluttet'], cases, 1),
      '',
      '«I alt» er saker med henvisning eller timer i året, importerte saker medregnet.',
      '',
    ].join('\n'),
  );
}

export async function runStats(args: CommandArgs<typeof statsSpec>, io: CliIo): Promise<number> {
  const year = yearSchema.safeParse(args.year);
  if (!year.success) throw new UsageError('--year må være et årstall, for eksempel 2020');
  // On a server the figures are the login's own team's (serverDatabase.ts, loaded only then: pg); a file is one team.
  const stats = isServerAddress(args.db)
    ? await (await import('../serverDatabase')).withServerTeamDatabase(args.db, (db) => statsForYear(db, year.data))
    : await withCliDatabase(args.db, (db) => statsForYear(db, year.data), { pc: thisPc(args.vitnemappe, io) });
  if (args.json) printJson(io, stats);
  else printReadable(io, stats);
  return EXIT.ok;
}
