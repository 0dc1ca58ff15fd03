import { z } from './zodNorwegian';
import { yearSchema } from './common';
import { queryChannel } from './channel';

/**
 * Every figure travels with its unit, because the team's old pivot labelled a count of rows as hours.
 * `hours` are clock hours; `personHours` count each participant; `entries` are rows in the time log.
 */
export const STATISTIC_UNITS = {
  hours: 'timer',
  personHours: 'persontimer',
  entries: 'registreringer',
} as const;

export interface PivotFigures {
  minutes: number;
  hours: number;
  personHours: number;
  entries: number;
}

export interface AnnualPivotCell extends PivotFigures {
  municipalityId: number;
  municipality: string;
  categoryId: number;
  category: string;
}

export interface AnnualPivotDto {
  year: number;
  from: string;
  to: string;
  units: typeof STATISTIC_UNITS;
  municipalities: { id: number; name: string }[];
  categories: { id: number; number: number; name: string }[];
  /** Only cells with time logged. */
  cells: AnnualPivotCell[];
  byMunicipality: (PivotFigures & { municipalityId: number; municipality: string })[];
  byCategory: (PivotFigures & { categoryId: number; category: string })[];
  total: PivotFigures;
}

export const statisticsChannels = {
  'statistics:annual': queryChannel<AnnualPivotDto>()(
    z.strictObject({ year: yearSchema }),
    'Timer per kommune og hendelse for et år, med antall registreringer',
  ),
} as const;
