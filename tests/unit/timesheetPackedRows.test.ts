import { describe, expect, it } from 'vitest';
import { cellsAt, RowPacker } from '../../electron/services/timesheet/packedRows';
import type { RawCells } from '../../electron/services/timesheet/types';

describe('packed rows from the timesheet worker', () => {
  it('gives back every cell kind exactly as read, past the first growth, with repeated texts stored once', () => {
    const packer = new RowPacker();
    const rows: [number, RawCells][] = [];
    for (let i = 0; i < 2_500; i++) {
      const cells: RawCells = [
        i % 2 === 0 ? '01/20-ST' : null,
        i % 3 === 0 ? { date: '2020-02-03' } : '03.02.2020',
        i % 5 === 0 ? { error: '#REF!' } : 'Steigen',
        i % 7 === 0 ? 4 : 'Kjøring',
        i % 11 === 0 ? true : i % 13 === 0 ? false : 1.5,
      ];
      rows.push([i + 3, cells]);
      packer.add(i + 3, cells);
    }
    const packed = packer.finish();
    expect(packed.count).toBe(2_500);
    expect(packed.rowNumbers.length).toBe(2_500);
    expect(packed.texts).toHaveLength(6);
    rows.forEach(([rowNumber, cells], index) => {
      expect(packed.rowNumbers[index]).toBe(rowNumber);
      expect(cellsAt(packed, index)).toEqual(cells);
    });
  });
});
