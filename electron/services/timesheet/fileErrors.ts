/** Why a file was refused, as codes the worker can post and main can turn into Norwegian. */
export const FILE_REFUSALS = {
  not_zip: 'Filen er ikke et Excel-regneark (.xlsx). Lagre arket som «Excel-arbeidsbok (.xlsx)» og prøv igjen.',
  not_xlsx: 'Filen er en zip-fil, men ikke et Excel-regneark (.xlsx).',
  zip_mismatch: 'Filen er en zip-fil der delene ikke stemmer med innholdslisten (mulig manipulert fil), og blir ikke lest.',
  too_many_entries: 'Filen har for mange deler til å være et vanlig regneark, og blir ikke lest.',
  too_large_unpacked: 'Filen pakker seg ut til mer enn grensen for et regneark (mulig «zip-bombe»), og blir ikke lest.',
  too_many_rows: 'Regnearket har flere rader enn Excel tillater, og blir ikke lest.',
  unreadable: 'Regnearket kunne ikke leses. Åpne det i Excel, lagre det på nytt som .xlsx og prøv igjen.',
  out_of_memory: 'Regnearket krever for mye minne å lese, og blir ikke lest.',
  timeout: 'Det tok for lang tid å lese regnearket, og lesingen ble stoppet.',
  no_header: 'Fant ikke overskriftene Sak, Dato, Kommune, Hendelse og Tidsbruk i noe ark.',
} as const;

export type FileRefusal = keyof typeof FILE_REFUSALS;

export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';
  constructor(readonly refusal: FileRefusal) {
    super(FILE_REFUSALS[refusal]);
  }
}
