import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINDING_FILE, chooseNativeBinding, ELECTRON_ABI_PACKAGE_DIR, electronSqliteBindingPath } from '../../electron/main/nativeBinding';
import * as tool from '../../electron/tools/electron-abi.mjs';

describe('main and the build tool agree on where the Electron build lives', () => {
  it('uses the same folder and file', () => {
    expect([...tool.ELECTRON_ABI_PACKAGE_DIR]).toEqual([...ELECTRON_ABI_PACKAGE_DIR]);
    expect([...tool.BINDING_FILE]).toEqual([...BINDING_FILE]);
  });

  it('the folder is ignored by git', () => {
    expect(readFileSync('.gitignore', 'utf8')).toMatch(new RegExp(`^${ELECTRON_ABI_PACKAGE_DIR[0]!.replace('.', '\\.')}/?$`, 'm'));
  });
});

describe('chooseNativeBinding', () => {
  const appPath = '/prosjekt/ettervern';
  const expected = join(appPath, '.electron-abi', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

  it('uses the Electron build when unpackaged and present', () => {
    expect(electronSqliteBindingPath(appPath)).toBe(expected);
    expect(chooseNativeBinding({ isPackaged: false, appPath, exists: (path) => path === expected })).toBe(expected);
  });

  it('falls back to the default lookup when it is missing or the app is packaged', () => {
    expect(chooseNativeBinding({ isPackaged: false, appPath, exists: () => false })).toBeUndefined();
    expect(chooseNativeBinding({ isPackaged: true, appPath, exists: () => true })).toBeUndefined();
  });
});

describe('electron-abi tool helpers', () => {
  it('reads the installed Electron version and ABI', () => {
    const version = tool.readElectronVersion(readFileSync('node_modules/electron/package.json', 'utf8'));
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(tool.readElectronVersion('{"version":"45.4.1-beta.2"}')).toBe('45.4.1-beta.2');
    expect(() => tool.readElectronVersion('{"version":"45"}')).toThrow(/gyldig versjon/);
    expect(() => tool.readElectronVersion('ikke json')).toThrow(/kan ikke leses/);
    expect(tool.readElectronAbi('150\n')).toBe('150');
    expect(() => tool.readElectronAbi(null)).toThrow(/ABI/);
    expect(() => tool.readElectronAbi('v150')).toThrow(/ABI/);
  });

  const stamp = tool.createStamp({ electronVersion: '45.4.1', abi: '150', arch: 'x64', platform: 'win32', betterSqlite3Version: '12.6.2' });

  it('skips only when the stamp matches every part', () => {
    expect(tool.isStampCurrent(JSON.stringify(stamp), stamp)).toBe(true);
    expect(tool.isStampCurrent(JSON.stringify({ ...stamp, electron: '45.4.0' }), stamp)).toBe(false);
    expect(tool.isStampCurrent(JSON.stringify({ ...stamp, arch: 'arm64' }), stamp)).toBe(false);
    expect(tool.isStampCurrent(JSON.stringify({ ...stamp, betterSqlite3: '12.5.0' }), stamp)).toBe(false);
    expect(tool.isStampCurrent(JSON.stringify({ ...stamp, abi: undefined }), stamp)).toBe(false);
    expect(tool.isStampCurrent(null, stamp)).toBe(false);
    expect(tool.isStampCurrent('{ødelagt', stamp)).toBe(false);
    expect(tool.isStampCurrent('null', stamp)).toBe(false);
  });

  it('copies the package without an earlier build', () => {
    expect(tool.shouldCopy('')).toBe(true);
    expect(tool.shouldCopy('lib/database.js')).toBe(true);
    expect(tool.shouldCopy('deps/sqlite3/sqlite3.c')).toBe(true);
    expect(tool.shouldCopy('build')).toBe(false);
    expect(tool.shouldCopy('build/Release/better_sqlite3.node')).toBe(false);
    expect(tool.shouldCopy('build\\Release\\better_sqlite3.node')).toBe(false);
  });

  it('targets Electron in both build commands', () => {
    expect(tool.prebuildInstallArgs({ electronVersion: '45.4.1', arch: 'x64' })).toEqual(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'x64']);
    expect(tool.nodeGypArgs({ electronVersion: '45.4.1', arch: 'arm64' })).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=45.4.1',
      '--arch=arm64',
      '--dist-url=https://electronjs.org/headers',
    ]);
  });

  it("strips npm settings that would point node-gyp at Node's headers", () => {
    const env = tool.buildEnvironment({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_cache: '/c',
      GONE: undefined,
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('finds node-gyp in order of preference without duplicates', () => {
    const commands = tool.nodeGypCommands({
      env: { npm_config_node_gyp: '/npm/node-gyp.js' },
      projectNodeGyp: '/npm/node-gyp.js',
      npmBundledNodeGyp: null,
      nodePath: 'node',
    });
    expect(commands).toEqual([
      { command: 'node', args: ['/npm/node-gyp.js'] },
      { command: 'npx', args: ['--no-install', 'node-gyp'] },
    ]);
  });

  describe('bindingFitsAbi (on the real Node build of better-sqlite3)', () => {
    const require = createRequire(import.meta.url);
    const nodeBuild = readFileSync(join(require.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node'));

    it("accepts the build for this Node's ABI and refuses it for Electron's", () => {
      expect(tool.bindingFitsAbi(nodeBuild, process.versions.modules)).toBe(true);
      const electronAbi = tool.readElectronAbi(readFileSync('node_modules/electron/abi_version', 'utf8'));
      expect(electronAbi).not.toBe(process.versions.modules);
      expect(tool.bindingFitsAbi(nodeBuild, electronAbi)).toBe(false);
    });

    it('accepts a Node-API module, which has no ABI-specific entry point', () => {
      expect(tool.bindingFitsAbi(Buffer.from('\x7fELF napi_register_module_v1 more'), '150')).toBe(true);
      expect(tool.bindingFitsAbi(Buffer.from('node_register_module_v150'), '150')).toBe(true);
    });
  });
});

describe('prepare-electron-sqlite.mjs', () => {
  it('is plain Node: imports only built-ins and its helper module', () => {
    const source = readFileSync('electron/tools/prepare-electron-sqlite.mjs', 'utf8') + readFileSync('electron/tools/electron-abi.mjs', 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((match) => match[1]!);
    expect(specifiers.length).toBeGreaterThan(3);
    for (const specifier of specifiers) expect(specifier === './electron-abi.mjs' || specifier.startsWith('node:'), specifier).toBe(true);
  });
});
