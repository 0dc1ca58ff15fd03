import { describe, expect, it } from 'vitest';
import { lastingChangeChart } from '@shared/charts/caseCharts';
import type { LastingChangeDto, LastingChangeRowDto } from '@shared/contract';
import { HIDDEN, publishRow } from '@shared/domain/disclosureControl';

const row = (domain: string, bedre: number, uendret: number, verre: number): LastingChangeRowDto => {
  const published = publishRow({ bedre, uendret, verre });
  return { domainId: domain.length, domain, ...published.cells, total: published.total };
};

const dto = (rows: LastingChangeRowDto[]): LastingChangeDto => ({
  from: '2025-01-01',
  to: '2025-12-31',
  unit: 'saker',
  closedCases: { kind: 'count', value: 30 },
  comparisons: [
    { comparison: 'startToClosure', label: 'Fra start til avslutning', rows },
    { comparison: 'startToAfterContact', label: 'Fra start til tre måneder etter', rows },
  ],
});

describe('the lasting-change chart follows the table', () => {
  it('draws every direction when nothing is hidden', () => {
    const chart = lastingChangeChart(dto([row('Bolig', 9, 6, 5), row('Økonomi', 7, 0, 5)]), 0, '2025');
    expect(chart.omitted).toBeUndefined();
    const series = chart.option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Bedre', [9, 7]],
      ['Uendret', [6, 0]],
      ['Verre', [5, 5]],
    ]);
  });

  it('is replaced by a sentence when «Uendret»/«Verre» are hidden, instead of showing only «Bedre» bars', () => {
    const hidden = row('Bolig', 12, 2, 3);
    expect([hidden.uendret, hidden.verre]).toEqual([HIDDEN, HIDDEN]);
    const chart = lastingChangeChart(dto([hidden, row('Økonomi', 7, 6, 5)]), 0, '2025');
    expect(chart.omitted).toMatch(/vises ikke.*færre enn 5.*Se tabellen/);
  });
});
