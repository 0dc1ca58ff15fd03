import type { AnnualPivotDto, PivotFigures } from '../../../../shared/contract';
import { formatHours, formatInteger } from '../../../../shared/format';

export type PivotUnit = 'hours' | 'personHours';

export const UNIT_LABEL: Record<PivotUnit, string> = { hours: 'Timer', personHours: 'Persontimer' };
export const UNIT_ABBREVIATION: Record<PivotUnit, string> = { hours: 't', personHours: 'pt' };

export interface PivotGrid {
  columns: { id: number; label: string }[];
  rows: { id: number; label: string; cells: (PivotFigures | null)[]; total: PivotFigures }[];
  columnTotals: PivotFigures[];
  total: PivotFigures;
}

/** Only municipalities and categories with time in the year, in the team's own order. */
export function buildPivotGrid(pivot: AnnualPivotDto): PivotGrid {
  const columns = pivot.byCategory
    .filter((c) => c.entries > 0)
    .map((c) => {
      const category = pivot.categories.find((k) => k.id === c.categoryId);
      return { id: c.categoryId, label: category ? `${category.number} ${category.name}` : c.category };
    });
  const cellAt = new Map(pivot.cells.map((cell) => [`${cell.municipalityId}:${cell.categoryId}`, cell]));
  const rows = pivot.byMunicipality
    .filter((m) => m.entries > 0)
    .map((m) => ({
      id: m.municipalityId,
      label: m.municipality,
      cells: columns.map((c) => cellAt.get(`${m.municipalityId}:${c.id}`) ?? null),
      total: m,
    }));
  const columnTotals = columns.map((c) => pivot.byCategory.find((k) => k.categoryId === c.id)!);
  return { columns, rows, columnTotals, total: pivot.total };
}

export function formatEntries(figures: PivotFigures): string {
  return formatInteger(figures.entries);
}

/** The figure in the chosen unit, decimal comma; the caller adds «t» or «pt». */
export function formatFigure(figures: PivotFigures, unit: PivotUnit): string {
  const minutes = unit === 'hours' ? figures.minutes : Math.round(figures.personHours * 60);
  return formatHours(minutes);
}
