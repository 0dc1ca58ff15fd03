/**
 * The municipalities the team logs time against. Nine members (with the two letters used in case codes),
 * plus two values that are not municipalities at all but appear in the same column of the time sheet.
 * This is the seed for a fresh database; afterwards the table is the truth and codes can be edited.
 */
export type MunicipalityKind = 'member' | 'other' | 'shared';

export interface MunicipalitySeed {
  code: string | null;
  name: string;
  municipalityNumber: string | null;
  kind: MunicipalityKind;
  memberFrom: string | null;
  memberTo: string | null;
  sortOrder: number;
}

export const MUNICIPALITY_SEED: readonly MunicipalitySeed[] = [
  { code: 'FA', name: 'Fauske', municipalityNumber: '1841', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 1 },
  { code: 'SØ', name: 'Sørfold', municipalityNumber: '1845', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 2 },
  { code: 'HA', name: 'Hamarøy', municipalityNumber: '1875', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 3 },
  { code: 'ST', name: 'Steigen', municipalityNumber: '1848', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 4 },
  { code: 'SA', name: 'Saltdal', municipalityNumber: '1840', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 5 },
  { code: 'ME', name: 'Meløy', municipalityNumber: '1837', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 6 },
  { code: 'GI', name: 'Gildeskål', municipalityNumber: '1838', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 7 },
  { code: 'BE', name: 'Beiarn', municipalityNumber: '1839', kind: 'member', memberFrom: '2020-01-01', memberTo: null, sortOrder: 8 },
  // Rødøy joined in September 2020; membership dates decide which years it belongs to.
  { code: 'RØ', name: 'Rødøy', municipalityNumber: '1836', kind: 'member', memberFrom: '2020-09-01', memberTo: null, sortOrder: 9 },
  { code: null, name: 'Andre kommuner', municipalityNumber: null, kind: 'other', memberFrom: null, memberTo: null, sortOrder: 10 },
  { code: null, name: 'Felles', municipalityNumber: null, kind: 'shared', memberFrom: null, memberTo: null, sortOrder: 11 },
];

export const MUNICIPALITY_KIND_LABEL: Record<MunicipalityKind, string> = {
  member: 'Deltakerkommune',
  other: 'Utenfor samarbeidet',
  shared: 'Felles arbeid',
};
