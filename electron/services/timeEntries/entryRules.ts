import { formatNorwegianDate } from '@shared/format';

/**
 * Rules an entry on a case must follow, whoever writes it: the form, the command line or the time-sheet
 * import. Pure, so the import can run them row by row on data it has already loaded, and the messages
 * are the same wherever the entry comes from. Messages name dates and municipalities (reference data),
 * never what the user typed.
 */

/** What the rules need to know about the case an entry is on. */
export interface EntryCase {
  municipalityId: number;
  municipalityName: string;
  referralDate: string | null;
}

export type EntryRuleField = 'date' | 'municipalityId';

export interface EntryRuleRefusal {
  field: EntryRuleField;
  message: string;
}

/** Time before the team was asked to help is not time on the case: it belongs to shared work, or is a typo. */
export function beforeReferral(date: string, onCase: EntryCase): EntryRuleRefusal | null {
  if (!onCase.referralDate || date >= onCase.referralDate) return null;
  return {
    field: 'date',
    message: `Datoen ${formatNorwegianDate(date)} er før saken ble henvist (${formatNorwegianDate(onCase.referralDate)})`,
  };
}

/**
 * An entry on a case counts for the case's municipality: statistics and the cost share are per
 * municipality, and a slip in the Kommune field moves hours between them unseen. Another municipality
 * is allowed only with a reason (the caller decides whether one was given).
 */
export function otherMunicipality(municipalityId: number, onCase: EntryCase): EntryRuleRefusal | null {
  if (municipalityId === onCase.municipalityId) return null;
  return {
    field: 'municipalityId',
    message: `Saken hører til ${onCase.municipalityName}. Velg ${onCase.municipalityName}, eller skriv hvorfor timene skal føres på en annen kommune`,
  };
}

/**
 * The rules the time-sheet import applies to each row on a case. An old sheet has no room for a reason,
 * so a row on another of the member municipalities (the slip that moves hours between them) is refused
 * for the user to correct; a row on «Andre kommuner» or «Felles» is how the sheet logged work with
 * bodies outside the nine for a case, and is kept as it was logged.
 */
export function importRowRefusals(date: string, municipality: { id: number; isMember: boolean }, onCase: EntryCase): string[] {
  const refusals: string[] = [];
  const early = beforeReferral(date, onCase);
  if (early) refusals.push(early.message);
  if (municipality.isMember && municipality.id !== onCase.municipalityId) refusals.push(`Kommune er ikke sakens kommune (${onCase.municipalityName})`);
  return refusals;
}
