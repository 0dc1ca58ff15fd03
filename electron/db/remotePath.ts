/**
 * The safety net under the shared mark: a path that may live on another machine never gets WAL, which
 * needs shared memory that two PCs cannot share. UNC paths (\\server\share), macOS/automounted network
 * folders (/Volumes, /net), and on Windows any drive letter that Windows reports as a network drive — or
 * does not report at all — count as remote.
 */

/** Drive letter (upper case, no colon) → .NET's DriveType name: Fixed, Network, Removable, CDRom, Ram, NoRootDirectory, Unknown. */
export type DriveTypes = ReadonlyMap<string, string>;

/** The PowerShell line asked once at start; prints `C:\|Fixed` lines. */
export const DRIVE_TYPES_COMMAND = "[System.IO.DriveInfo]::GetDrives() | ForEach-Object { $_.Name + '|' + $_.DriveType }";

/** Reads the answer of DRIVE_TYPES_COMMAND; lines it does not understand are left out. */
export function parseDriveTypes(output: string): Map<string, string> {
  const drives = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z]):\\?\s*\|\s*([A-Za-z]+)\s*$/.exec(line);
    if (match) drives.set(match[1]!.toUpperCase(), match[2]!);
  }
  return drives;
}

/** Drive types that are on this PC's own disks; anything else may be another machine's. */
const LOCAL_DRIVE_TYPES = new Set(['Fixed', 'Removable', 'Ram']);

/**
 * `drives` is Windows's answer, or null when there is none (not Windows, or PowerShell failed). On
 * Windows without an answer a drive letter counts as remote: a slower journal is the safe mistake.
 */
export function isRemotePath(path: string, drives: DriveTypes | null, platform: NodeJS.Platform = process.platform): boolean {
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(path) || /^\/(net|Volumes)\//.test(path)) return true;
  const letter = /^([A-Za-z]):[\\/]/.exec(path)?.[1]?.toUpperCase();
  if (!letter) return false;
  if (!drives) return platform === 'win32';
  const type = drives.get(letter);
  return type === undefined || !LOCAL_DRIVE_TYPES.has(type);
}
