import { describe, expect, it } from 'vitest';
import { isRemotePath, parseDriveTypes } from '../../electron/db/remotePath';
import { isSynchronisedFolder } from '../../electron/services/database/syncedFolders';

/** What `[System.IO.DriveInfo]::GetDrives()` printed on a municipal PC: C: local, S: and H: mapped shares, D: a DVD drive. */
const MUNICIPAL_PC = 'C:\\|Fixed\r\nD:\\|CDRom\r\nH:\\|Network\r\nS:\\|Network\r\n';
/** A laptop with a USB stick and a drive letter whose share is disconnected (Windows then says NoRootDirectory). */
const LAPTOP = 'C:\\|Fixed\nE:\\|Removable\nP:\\|NoRootDirectory\n';

describe('remote paths (never WAL)', () => {
  it('reads the PowerShell answer, skipping lines it does not understand', () => {
    expect([...parseDriveTypes(MUNICIPAL_PC)]).toEqual([
      ['C', 'Fixed'],
      ['D', 'CDRom'],
      ['H', 'Network'],
      ['S', 'Network'],
    ]);
    expect([...parseDriveTypes(`Windows PowerShell\n${LAPTOP}\n`)]).toEqual([
      ['C', 'Fixed'],
      ['E', 'Removable'],
      ['P', 'NoRootDirectory'],
    ]);
    expect(parseDriveTypes('').size).toBe(0);
  });

  it('a mapped drive is remote, a local disk is not', () => {
    const drives = parseDriveTypes(MUNICIPAL_PC);
    expect(isRemotePath('S:\\Felles\\Ettervern\\ettervern.sqlite', drives, 'win32')).toBe(true);
    expect(isRemotePath('h:/Ettervern/ettervern.sqlite', drives, 'win32')).toBe(true);
    expect(isRemotePath('C:\\Users\\marit\\AppData\\Roaming\\Ettervern\\ettervern.sqlite', drives, 'win32')).toBe(false);
  });

  it('a drive Windows does not know, or a disconnected one, counts as remote; so does every letter without an answer', () => {
    const drives = parseDriveTypes(LAPTOP);
    expect(isRemotePath('P:\\Ettervern\\ettervern.sqlite', drives, 'win32')).toBe(true);
    expect(isRemotePath('Z:\\ettervern.sqlite', drives, 'win32')).toBe(true);
    expect(isRemotePath('E:\\ettervern.sqlite', drives, 'win32')).toBe(false);
    expect(isRemotePath('C:\\ettervern.sqlite', null, 'win32')).toBe(true);
  });

  it('UNC paths and network mounts are remote on every system; plain local paths are not', () => {
    for (const path of ['\\\\fil01\\felles\\ettervern.sqlite', '//fil01/felles/ettervern.sqlite', '/Volumes/Team/ettervern.sqlite', '/net/fil01/e.sqlite']) {
      expect(isRemotePath(path, null, 'linux'), path).toBe(true);
    }
    expect(isRemotePath('/home/marit/ettervern.sqlite', null, 'linux')).toBe(false);
  });
});

describe('synchronised folders (refused for sharing)', () => {
  it('recognises OneDrive, Teams/SharePoint, Dropbox, iCloud and Google Drive folders by their names', () => {
    for (const path of [
      'C:\\Users\\marit\\OneDrive - Fauske kommune\\Ettervern',
      'C:\\Users\\marit\\OneDrive\\Dokumenter',
      'C:\\Users\\marit\\Fauske kommune\\Ettervern - Dokumenter\\SharePoint',
      'C:\\Users\\marit\\Dropbox (Personlig)\\Ettervern',
      '/Users/marit/Library/Mobile Documents/com~apple~CloudDocs/Ettervern',
      'G:\\Min disk\\Ettervern',
    ]) {
      expect(isSynchronisedFolder(path), path).toBe(true);
    }
    expect(isSynchronisedFolder('S:\\Felles\\Ettervern')).toBe(false);
    expect(isSynchronisedFolder('\\\\fil01\\felles\\Ettervern')).toBe(false);
  });
});
