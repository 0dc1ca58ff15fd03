import { describe, expect, it } from 'vitest';
import { describeFindings, findTextLeaks } from '../support/renderedText';

/** The matcher the browser's text walk runs on every screen: each rule fires on a known-bad sample, and Norwegian passes. */
describe('rendered text leaks', () => {
  const words = (text: string, allowed: string[] = []) => findTextLeaks([{ source: 'text', text }], allowed).map((f) => f.word);

  it('finds English words, code values and internal names', () => {
    expect(words('Save Cancel')).toEqual(['Save', 'Cancel']);
    expect(words('Loading …')).toEqual(['Loading']);
    expect(words('Kommune: undefined, verdi null, NaN t, true')).toEqual(['undefined', 'NaN', 'null', 'true']);
    expect(words('Deltakere: [object Object]')).toEqual(['[object Object]']);
    expect(words('Felt som ble endret: riskAssessedBy, hourlyRate')).toEqual(['riskAssessedBy', 'hourlyRate']);
    expect(words('Mal: egne_mal')).toEqual(['egne_mal']);
    expect(words('Mal: {egne_mal} og egne_mal')).toEqual(['egne_mal']);
    expect(words('Dokument: closure-report')).toEqual(['closure-report']);
    expect(words('Feil i cases:update')).toEqual(['cases:update']);
  });

  it('finds zod phrasing, ISO dates and decimal points', () => {
    expect(words('Vurdert av må være minst 0')).toEqual(['minst 0']);
    expect(words('Type har en ugyldig verdi')).toEqual(['ugyldig verdi']);
    expect(words('Invalid input: expected string, received undefined')).toEqual(['Invalid', 'expected', 'received', 'undefined', 'Invalid input']);
    expect(words('Henvist 2024-03-05')).toEqual(['2024-03-05']);
    expect(words('Lagret 2024-03-05T10:00:00.000Z')).toContain('2024-03-05');
    expect(words('Timer: 12.5')).toEqual(['12.5']);
    expect(words('Sats 1.25 kr')).toEqual(['1.25']);
  });

  it('lets Norwegian text, formats, file names, paths and allowed phrases pass', () => {
    const norwegian = [
      'Lagre',
      'Avbryt',
      'Slett registreringen',
      'Team',
      'Status: Oppfølging',
      'Henvist 05.03.2024, avsluttet 1.7.24',
      'Skriv en dato som 3.12. eller 03.12.2024',
      'Møtet starter kl. 10.30',
      'Endret 05.03.2024 10.30',
      'Timer: 12,5 t, 1 234,50 kr',
      'Sak 02/20-ST i Sørfold',
      'Sikkerhetskopi: ettervern_2024-03-05.sqlite',
      'Fil: C:\\Delt\\ettervern_team.sqlite',
      'Fil: /srv/delt/ettervern_team.sqlite',
      'e-post og NAV-kontor',
      'Plassholder {antall_uker}, inne i {#timer} … {/timer}',
    ];
    for (const text of norwegian) expect(words(text), text).toEqual([]);
    expect(words('Eksporter til Excel', ['Excel'])).toEqual([]);
    expect(words('Skriv 1.5 eller 1,5', ['1.5'])).toEqual([]);
  });

  it('reads attributes as well as text, and names the screen, the rule and the word', () => {
    const findings = findTextLeaks([
      { source: 'text', text: 'Alt i orden' },
      { source: 'aria-label', text: 'Close' },
      { source: 'placeholder', text: 'dd.mm.åååå' },
    ]);
    expect(describeFindings('timer-uke', findings)).toBe('«timer-uke»: engelsk ord «Close» i aria-label: Close');
  });
});
