import type { AnnualPivotDto, StatisticsTableDto } from '@shared/contract';
import type { ReportTable } from './reportTable';

/** Hours, person-hours and entries per row: the answer to «what did each municipality get». */
function totalsTable(
  title: string,
  rowHeader: string,
  rows: { key: number; label: string; hours: number; personHours: number; entries: number }[],
  total: AnnualPivotDto['total'],
): StatisticsTableDto {
  return {
    title,
    rowHeader,
    columns: [
      { key: 'hours', label: 'Timer', measure: 'hours', total: false },
      { key: 'personHours', label: 'Persontimer', measure: 'personHours', total: false },
      { key: 'entries', label: 'Registreringer', measure: 'entries', total: false },
    ],
    rows: rows.filter((r) => r.entries > 0).map((r) => ({ key: String(r.key), label: r.label, values: [r.hours, r.personHours, r.entries] })),
    totalRow: [total.hours, total.personHours, total.entries],
  };
}

export function municipalityTotalsTable(pivot: AnnualPivotDto): ReportTable {
  const rows = pivot.byMunicipality.map((m) => ({ key: m.municipalityId, label: m.municipality, ...m }));
  return {
    table: totalsTable(`Ressursbruk per kommune ${pivot.year}`, 'Kommune', rows, pivot.total),
    sheetName: 'Per kommune',
    notes: ['Persontimer teller timene for hver i teamet som var med; teamet er som regel to på hver sak.'],
  };
}

export function categoryTotalsTable(pivot: AnnualPivotDto): ReportTable {
  const rows = pivot.byCategory.map((c) => ({ key: c.categoryId, label: c.category, ...c }));
  return { table: totalsTable(`Ressursbruk per hendelse ${pivot.year}`, 'Hendelse', rows, pivot.total), sheetName: 'Per hendelse' };
}
