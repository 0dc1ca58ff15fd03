import { NETWORK_KIND_LABEL } from '@shared/domain/caseLife';
import { formatNorwegianDate } from '@shared/format';
import type { DbContext } from '../context';
import { listNetworkEvents } from '../network/network';

/** A table of words rather than figures: printed as it is, no units, no totals. */
export interface TextTable {
  title: string;
  header: string[];
  rows: string[][];
  sheetName: string;
  notes?: string[];
}

/**
 * The year's network log as the 2020 report listed it under «Samarbeidspartnere og nettverksarbeid»:
 * date, kind, municipality and the services met. The free-text note is left out: it may name people.
 */
export async function networkLogTable(ctx: DbContext, year: number): Promise<TextTable | null> {
  const events = (await listNetworkEvents(ctx, { year })).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  if (events.length === 0) return null;
  return {
    title: `Nettverksarbeid ${year}`,
    header: ['Dato', 'Type', 'Kommune', 'Samarbeidspartnere'],
    rows: events.map((e) => [formatNorwegianDate(e.date), NETWORK_KIND_LABEL[e.kind], e.municipalityName ?? '', e.contacts.map((c) => c.name).join(', ')]),
    sheetName: 'Nettverksarbeid',
    notes: [`${events.length} møter, presentasjoner og hospiteringer registrert i nettverksloggen i ${year}.`],
  };
}
