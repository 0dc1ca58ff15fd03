import { describe, expect, it } from 'vitest';
import { presenceLine, shortName } from '@renderer/features/database/presenceText';

describe('the header line «Også inne nå»', () => {
  it('shortens names to the first name and the last name’s initial', () => {
    expect(shortName('Siri Kristoffersen')).toBe('Siri K.');
    expect(shortName('  Øystein Andre  Ødegård ')).toBe('Øystein Ø.');
    expect(shortName('Åse')).toBe('Åse');
    expect(shortName('')).toBe('');
  });

  it('shows nothing when nobody else is in', () => {
    expect(presenceLine([])).toBeNull();
  });

  it('names up to two with their PC and counts the rest; the full list is kept for the tooltip', () => {
    const others = [
      { name: 'Siri Kristoffersen', machine: 'FAUSKE-PC12' },
      { name: 'Ola Nordmann', machine: 'KONTOR-2' },
      { name: 'Kari Hansen', machine: 'BODØ-7' },
    ];
    expect(presenceLine(others.slice(0, 1))?.short).toBe('Også inne nå: Siri K. (FAUSKE-PC12)');
    expect(presenceLine(others.slice(0, 2))?.short).toBe('Også inne nå: Siri K. (FAUSKE-PC12), Ola N. (KONTOR-2)');
    expect(presenceLine(others)).toEqual({
      short: 'Også inne nå: Siri K. (FAUSKE-PC12), Ola N. (KONTOR-2) og 1 til',
      full: 'Også inne nå: Siri Kristoffersen (FAUSKE-PC12), Ola Nordmann (KONTOR-2), Kari Hansen (BODØ-7)',
    });
  });
});
