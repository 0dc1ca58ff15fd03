import { describe, expect, it } from 'vitest';
import { cliStateFolder, STATE_DIR_ENV } from '../../electron/cli/stateFolder';

describe('the command line’s own folder', () => {
  it('sits in the app’s user-data folder of each platform', () => {
    expect(cliStateFolder({ APPDATA: 'C:\\Users\\ase\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ase')).toBe(
      'C:\\Users\\ase\\AppData\\Roaming\\Ettervern\\kommandolinje',
    );
    expect(cliStateFolder({}, 'win32', 'C:\\Users\\ase')).toBe('C:\\Users\\ase\\AppData\\Roaming\\Ettervern\\kommandolinje');
    expect(cliStateFolder({}, 'darwin', '/Users/ase')).toBe('/Users/ase/Library/Application Support/Ettervern/kommandolinje');
    expect(cliStateFolder({}, 'linux', '/home/ase')).toBe('/home/ase/.config/Ettervern/kommandolinje');
    expect(cliStateFolder({ XDG_CONFIG_HOME: '/srv/konfig' }, 'linux', '/home/ase')).toBe('/srv/konfig/Ettervern/kommandolinje');
    // A relative XDG_CONFIG_HOME is ignored, as the XDG rules say.
    expect(cliStateFolder({ XDG_CONFIG_HOME: 'konfig' }, 'linux', '/home/ase')).toBe('/home/ase/.config/Ettervern/kommandolinje');
  });

  it('is the folder in ETTERVERN_TILSTANDSMAPPE when set, and none without a home folder', () => {
    expect(cliStateFolder({ [STATE_DIR_ENV]: '/tmp/annen' }, 'linux', '/home/ase')).toBe('/tmp/annen');
    expect(cliStateFolder({}, 'linux', '')).toBeNull();
  });
});
