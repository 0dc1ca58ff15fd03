/**
 * Inhabitants per member municipality on 1 January, the figure the cost models share by. Approximate
 * values after Statistics Norway (SSB, table 07459), rounded to the nearest ten: the team checks and
 * corrects them under Innstillinger → Kostnadsfordeling, where they are editable per year. Years between
 * the two published anchors are interpolated; this is a starting point, not a source.
 */
const ANCHORS: Record<string, { 2020: number; 2025: number }> = {
  Fauske: { 2020: 9800, 2025: 9700 },
  Sørfold: { 2020: 1930, 2025: 1870 },
  Hamarøy: { 2020: 2870, 2025: 2700 },
  Steigen: { 2020: 2530, 2025: 2470 },
  Saltdal: { 2020: 4660, 2025: 4630 },
  Meløy: { 2020: 6300, 2025: 6100 },
  Gildeskål: { 2020: 1960, 2025: 1920 },
  Beiarn: { 2020: 1030, 2025: 1010 },
  Rødøy: { 2020: 1230, 2025: 1180 },
};

export const POPULATION_SEED_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;

export interface PopulationSeed {
  municipality: string;
  year: number;
  population: number;
}

export const POPULATION_SEED: readonly PopulationSeed[] = Object.entries(ANCHORS).flatMap(([municipality, anchor]) =>
  POPULATION_SEED_YEARS.map((year) => ({
    municipality,
    year,
    population: Math.round((anchor[2020] + ((anchor[2025] - anchor[2020]) * (year - 2020)) / 5) / 10) * 10,
  })),
);
