import type { AnnualPivotDto } from '@shared/contract';
import type { CostShareDto } from '@shared/contract/statistics/costShare';
import { formatMeasureValue } from '@shared/domain/statistics';
import { all } from '../../db/query';
import type { DbContext } from '../context';

/**
 * «Slik registrerer vi»: what each category and each measure means, for a council member who has never
 * seen the time sheet. Markdown of the team-text subset, so it prints exactly like the team's chapters.
 * The categories are read from the database (name and description as the team keeps them).
 */
export async function howWeRecordText(ctx: DbContext, year: number): Promise<string> {
  // A category retired before the year began (Administrasjonsarbeid after 2020) was not in use.
  const categories = await all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('categories')
      .select(['number', 'name', 'description', 'case_work'])
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>=', `${year}-01-01`)]))
      .orderBy('number'),
  );
  return [
    'Teamet fører all tid i en felles timeliste. Hver registrering har dato, kommune, hendelse, antall timer og hvem i teamet som var med.',
    '',
    '## Hva tallene betyr',
    '- **Timer** er klokketimer: et besøk på to timer med to i teamet er 2 timer.',
    '- **Persontimer** teller timene for hver i teamet som var med: det samme besøket er 4 persontimer.',
    '- **Registreringer** er antall linjer i timelisten, uansett lengde.',
    '- **Andre kommuner** er arbeid for brukere fra kommuner utenfor samarbeidet.',
    '- **Felles** er arbeid som ikke gjelder én kommune, som administrasjon, veiledning og fagutvikling.',
    '',
    '## Hendelsene',
    ...categories.map((c) => `- **${c.name}**: ${c.description}${c.case_work ? '' : ' (felles arbeid, ikke knyttet til en sak)'}`),
  ].join('\n');
}

/** The three models in words, once, under the table that shows them. */
export const COST_MODELS_NOTE =
  'Modell 1: alle kommunene betaler et likt grunnbeløp, og resten av budsjettet fordeles etter folketall. ' +
  'Modell 2: hele budsjettet fordeles etter folketall, med lavere sats per innbygger jo større kommunen er. ' +
  'Modell 3: grunnbeløp og felles tjeneste etter folketall, pluss ekstra timer kommunen har kjøpt, til full timepris. ' +
  'En kommune som ble med i løpet av året, betaler for hele måneder som medlem.';

/**
 * Why «Kostnad og hjelp» sums to fewer hours than «Ressursbruk per kommune»: the comparison is among the
 * member municipalities only. Says which rows are left out and both sums, so the reader can check.
 */
export function costShareNotes(share: CostShareDto, pivot: AnnualPivotDto): string[] {
  const members = new Set(share.rows.map((r) => r.municipalityId));
  const outside = pivot.byMunicipality.filter((m) => !members.has(m.municipalityId) && m.entries > 0).map((m) => `«${m.municipality}»`);
  const notes = [
    `Bare medlemskommunene er med (${share.rows.map((r) => r.municipality).join(', ')}).` +
      (outside.length > 0
        ? ` ${outside.join(' og ')} er holdt utenfor, derfor er summen ${formatMeasureValue(share.total.hours, 'hours')} timer her mot ${formatMeasureValue(pivot.total.hours, 'hours')} timer i «Ressursbruk per kommune».`
        : ''),
  ];
  const extra = share.rows.filter((r) => r.extraHours > 0);
  if (extra.length > 0) {
    const list = extra.map((r) => `${r.municipality} ${formatMeasureValue(r.extraHours, 'hours')}`).join(', ');
    notes.push(`Ekstra timer kjøpt (timer utover den felles tjenesten, betalt i modell 3): ${list}.`);
  }
  return notes;
}
