import { z } from '../validation/zodNorwegian';

/**
 * The team's settings: one row per key in the `settings` table, validated by these schemas on the way
 * in and falling back to these defaults when never set. Adding a setting is adding an entry here.
 */
export const SETTING_DEFINITIONS = {
  followUpWarningWeeks: {
    label: 'Varsel om lang oppfølging (uker etter utskriving)',
    description: 'Oversikt varsler om en sak når oppfølgingen har vart så mange uker og ingen har ført timer på den de siste 14 dagene.',
    schema: z.number().int().min(1).max(52),
    defaultValue: 8,
  },
  idleLockMinutes: {
    label: 'Skjermlås etter (minutter uten aktivitet)',
    description: 'Skjermen låses og dataene skjules når ingen har brukt appen så lenge.',
    schema: z.number().int().min(1).max(120),
    defaultValue: 10,
  },
  retentionYears: {
    label: 'Oppbevaringstid (år etter avslutning)',
    description: 'Avsluttede saker reduseres til statistikk så mange år etter avslutning.',
    schema: z.number().int().min(1).max(20),
    defaultValue: 5,
  },
  keepOtherBackupsMonths: {
    label: 'Manuelle kopier og kopier før gjenoppretting beholdes (måneder)',
    description:
      'Eldre slike kopier slettes når neste kopi tas, så tekst fjernet ved oppbevaring ikke blir liggende i dem. Den nyeste kopien før gjenoppretting beholdes alltid.',
    schema: z.number().int().min(1).max(120),
    defaultValue: 12,
  },
  backupFolder: {
    label: 'Mappe for sikkerhetskopier',
    description: 'Tom betyr standardmappen ved siden av databasen.',
    schema: z.string().trim().max(500).nullable(),
    defaultValue: null as string | null,
  },
} as const;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTING_DEFINITIONS)[K]['schema']> };

export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_DEFINITIONS[key].defaultValue])) as Settings;
}
