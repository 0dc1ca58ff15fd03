import { execFileSync } from 'node:child_process';
import { DRIVE_TYPES_COMMAND, parseDriveTypes, type DriveTypes } from './remotePath';

let asked = false;
let answer: DriveTypes | null = null;

/**
 * Windows's drive types, asked once per process through PowerShell (no native module needed). Null on
 * other systems, or when PowerShell does not answer within a few seconds: then every drive letter counts
 * as remote (see isRemotePath).
 */
export function windowsDriveTypes(): DriveTypes | null {
  if (asked) return answer;
  asked = true;
  if (process.platform !== 'win32') return null;
  try {
    const output = execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', DRIVE_TYPES_COMMAND], {
      encoding: 'utf8',
      timeout: 5000,
      windowsHide: true,
    });
    const drives = parseDriveTypes(output);
    answer = drives.size > 0 ? drives : null;
  } catch {
    answer = null;
  }
  return answer;
}
