/**
 * Matching the free text of the old sheets to municipalities and categories: case and spacing do not
 * matter («bruker oppfølging», « Steigen »), and the spellings the team's own report uses are known.
 * Anything else is unknown and reported — never guessed.
 */
export const foldText = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\s.\-_]+/gu, '')
    .toLocaleLowerCase('nb');

/** Other spellings seen in the team's sheets and report, by folded spelling → canonical name. */
const MUNICIPALITY_ALIASES: readonly [string, string][] = [
  ['Andre kommune', 'Andre kommuner'],
  ['Annen kommune', 'Andre kommuner'],
  ['Andre', 'Andre kommuner'],
  ['Fellesarbeid', 'Felles'],
  ['Hamarøy kommune', 'Hamarøy'],
];

const CATEGORY_ALIASES: readonly [string, string][] = [
  ['Bruker oppfølging', 'Brukeroppfølging'],
  ['Oppfølging', 'Brukeroppfølging'],
  ['Samarbeidspartner', 'Samarbeidspartnere'],
  ['Institusjon', 'Institusjon bruker'],
  ['Administrasjons arbeid', 'Administrasjonsarbeid'],
  ['Administrasjon', 'Administrasjonsarbeid'],
  ['Nettverk', 'Nettverksarbeid'],
  ['Veiledning', 'Veiledning fra prosjektleder'],
  ['Ikke møtt opp', 'Ikke møtt'],
];

export interface Named {
  id: number;
  name: string;
}

export interface NumberedCategory extends Named {
  number: number;
}

function lookupTable(items: readonly Named[], aliases: readonly [string, string][]): Map<string, number> {
  const byName = new Map<string, number>();
  for (const item of items) byName.set(foldText(item.name), item.id);
  for (const [alias, canonical] of aliases) {
    const id = byName.get(foldText(canonical));
    if (id !== undefined && !byName.has(foldText(alias))) byName.set(foldText(alias), id);
  }
  return byName;
}

export function municipalityMatcher(municipalities: readonly (Named & { code: string | null })[]): (text: string) => number | undefined {
  const table = lookupTable(municipalities, MUNICIPALITY_ALIASES);
  // «Kommune» could hold the code from the case code (ST, FA) as well.
  for (const m of municipalities) if (m.code && !table.has(foldText(m.code))) table.set(foldText(m.code), m.id);
  return (text) => table.get(foldText(text));
}

/** «Kjøring», «2», «2 Kjøring», «2. Kjøring»: by name, by number, or both when they agree. */
export function categoryMatcher(categories: readonly NumberedCategory[]): (text: string | number) => number | undefined {
  const table = lookupTable(categories, CATEGORY_ALIASES);
  const byNumber = new Map(categories.map((c) => [c.number, c.id]));
  return (value) => {
    if (typeof value === 'number') return Number.isInteger(value) ? byNumber.get(value) : undefined;
    const numbered = /^\s*(\d{1,2})\s*[.):]?\s*(.*)$/u.exec(value);
    if (numbered) {
      const id = byNumber.get(Number(numbered[1]));
      const rest = numbered[2]!.trim();
      if (rest === '') return id;
      return id !== undefined && table.get(foldText(rest)) === id ? id : undefined;
    }
    return table.get(foldText(value));
  };
}
