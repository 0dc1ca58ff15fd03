import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// Read through electron-builder's own loader and schema check, so a misspelt fuse name or a config file it
// would not pick up fails here rather than silently shipping an unfused binary.
async function builderConfig() {
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder fuses', () => {
  it('turns off the ways to run other code inside the packaged app', async () => {
    const fuses = (await builderConfig()).electronFuses;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive, which the asar-only fuses need', async () => {
    // `asar: false` would leave a loose app/ folder that onlyLoadAppFromAsar refuses to start from.
    expect((await builderConfig()).asar).not.toBe(false);
  });
});
