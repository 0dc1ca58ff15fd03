/**
 * Folders kept in step by a synchronisation client (OneDrive, Teams/SharePoint, Dropbox, iCloud, Google
 * Drive) copy whole files between PCs instead of locking them: two PCs writing at once end up with two
 * diverging copies or a damaged one. They are recognised by the names those clients give their folders.
 */
const SYNCED_FOLDER_PATTERNS: readonly RegExp[] = [
  /(^|[\\/])OneDrive( - [^\\/]+)?([\\/]|$)/i,
  /(^|[\\/])SharePoint([\\/]|$)/i,
  /(^|[\\/])Microsoft Teams([\\/]|$)/i,
  /(^|[\\/])Dropbox( \([^\\/]+\))?([\\/]|$)/i,
  /(^|[\\/])iCloud ?Drive([\\/]|$)/i,
  /(^|[\\/])Mobile Documents([\\/]|$)/i,
  /(^|[\\/])Google ?Drive([\\/]|$)/i,
  /(^|[\\/])(Min disk|My Drive)([\\/]|$)/i,
];

export function isSynchronisedFolder(path: string): boolean {
  return SYNCED_FOLDER_PATTERNS.some((pattern) => pattern.test(path));
}

export const SYNCED_FOLDER_MESSAGE =
  'Mappen synkroniseres av OneDrive, Teams, Dropbox eller iCloud. Slike mapper kopierer filen mellom PC-ene i stedet for å låse den, og databasen kan bli ødelagt når flere lagrer samtidig. Velg en vanlig delt nettverksmappe (for eksempel en tilordnet stasjon som S:).';
