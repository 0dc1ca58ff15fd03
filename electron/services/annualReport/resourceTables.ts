import type { AnnualPivotDto, PivotFigures } from '../../../shared/contract';
import type { ReportColumn, ReportTable, ReportValue } from './reportTable';

/** «Kjøring (timer)», «Kjøring (registreringer)»: hours and the count of entries side by side, labelled. */
function figureColumns(name: string): ReportColumn[] {
  return [
    { group: name, header: 'timer', format: 'hours' },
    { group: name, header: 'registreringer', format: 'count' },
  ];
}

function figureValues(f: PivotFigures | undefined): ReportValue[] {
  return f ? [f.hours, f.entries] : [null, null];
}

function sum(figures: (PivotFigures | undefined)[]): PivotFigures {
  const total = { minutes: 0, hours: 0, personHours: 0, entries: 0 };
  for (const f of figures) {
    if (!f) continue;
    total.minutes += f.minutes;
    total.hours += f.hours;
    total.personHours += f.personHours;
    total.entries += f.entries;
  }
  return total;
}

/**
 * The team's familiar tables: chosen categories down municipalities, hours and entries, with a total
 * column when there is more than one category and a «Totalsum» row. Only municipalities with time appear.
 */
export function categoryTable(pivot: AnnualPivotDto, title: string, sheetName: string, categoryNames: readonly string[]): ReportTable {
  const cell = new Map(pivot.cells.map((c) => [`${c.municipality}\u0000${c.category}`, c as PivotFigures]));
  const withTotal = categoryNames.length > 1;
  const columns: ReportColumn[] = [{ header: 'Kommune', format: 'label' }, ...categoryNames.flatMap(figureColumns)];
  if (withTotal) columns.push(...figureColumns('Totalsum'));
  const rows: ReportValue[][] = [];
  for (const m of pivot.municipalities) {
    const figures = categoryNames.map((c) => cell.get(`${m.name}\u0000${c}`));
    if (figures.every((f) => !f)) continue;
    rows.push([m.name, ...figures.flatMap(figureValues), ...(withTotal ? figureValues(sum(figures)) : [])]);
  }
  const byCategory = categoryNames.map((c) => pivot.byCategory.find((b) => b.category === c));
  const total = ['Totalsum', ...byCategory.flatMap((f) => figureValues(f ?? sum([]))), ...(withTotal ? figureValues(sum(byCategory)) : [])];
  return { title: `${title} ${pivot.year}`, sheetName, columns, rows, total };
}

/** Hours, person-hours and entries per municipality: the answer to «what did each municipality get». */
export function municipalityTotalsTable(pivot: AnnualPivotDto): ReportTable {
  return {
    title: `Ressursbruk per kommune ${pivot.year}`,
    sheetName: 'Per kommune',
    columns: [
      { header: 'Kommune', format: 'label' },
      { header: 'Timer', format: 'hours' },
      { header: 'Persontimer', format: 'hours' },
      { header: 'Registreringer', format: 'count' },
    ],
    rows: pivot.byMunicipality.filter((m) => m.entries > 0).map((m) => [m.municipality, m.hours, m.personHours, m.entries]),
    total: ['Totalsum', pivot.total.hours, pivot.total.personHours, pivot.total.entries],
  };
}

/** The same per category (Hendelse). */
export function categoryTotalsTable(pivot: AnnualPivotDto): ReportTable {
  return {
    title: `Ressursbruk per hendelse ${pivot.year}`,
    sheetName: 'Per hendelse',
    columns: [
      { header: 'Hendelse', format: 'label' },
      { header: 'Timer', format: 'hours' },
      { header: 'Persontimer', format: 'hours' },
      { header: 'Registreringer', format: 'count' },
    ],
    rows: pivot.byCategory.filter((c) => c.entries > 0).map((c) => [c.category, c.hours, c.personHours, c.entries]),
    total: ['Totalsum', pivot.total.hours, pivot.total.personHours, pivot.total.entries],
  };
}

/** Every municipality × category in hours: wide, so it goes to the spreadsheet only. */
export function fullPivotTable(pivot: AnnualPivotDto): ReportTable {
  const categories = pivot.categories.filter((c) => pivot.byCategory.find((b) => b.categoryId === c.id)!.entries > 0);
  const cell = new Map(pivot.cells.map((c) => [`${c.municipalityId}:${c.categoryId}`, c.hours]));
  return {
    title: `Timer per kommune og hendelse ${pivot.year}`,
    sheetName: 'Kommune og hendelse',
    columns: [
      { header: 'Kommune', format: 'label' },
      ...categories.map((c) => ({ header: `${c.name} (timer)`, format: 'hours' as const })),
      { header: 'Totalsum (timer)', format: 'hours' },
    ],
    rows: pivot.byMunicipality
      .filter((m) => m.entries > 0)
      .map((m) => [m.municipality, ...categories.map((c) => cell.get(`${m.municipalityId}:${c.id}`) ?? null), m.hours]),
    total: ['Totalsum', ...categories.map((c) => pivot.byCategory.find((b) => b.categoryId === c.id)!.hours), pivot.total.hours],
  };
}
