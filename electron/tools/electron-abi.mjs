// Pure helpers for prepare-electron-sqlite.mjs, kept apart so they can be unit-tested without building.

/** Must match ELECTRON_ABI_PACKAGE_DIR and BINDING_FILE in electron/main/nativeBinding.ts (a test checks). */
export const ELECTRON_ABI_PACKAGE_DIR = ['.electron-abi', 'better-sqlite3'];
export const BINDING_FILE = ['build', 'Release', 'better_sqlite3.node'];
export const STAMP_FILE = '.electron-abi-stamp.json';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** The Electron version the build must target, from node_modules/electron/package.json. */
export function readElectronVersion(packageJsonText) {
  let version;
  try {
    version = JSON.parse(packageJsonText).version;
  } catch {
    throw new Error('node_modules/electron/package.json kan ikke leses');
  }
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error('node_modules/electron/package.json har ingen gyldig versjon');
  }
  return version;
}

/** Electron's NODE_MODULE_VERSION, from node_modules/electron/abi_version. */
export function readElectronAbi(abiVersionText) {
  const abi = String(abiVersionText ?? '').trim();
  if (!/^\d+$/.test(abi)) throw new Error('node_modules/electron/abi_version har ikke et gyldig ABI-nummer');
  return abi;
}

/**
 * A native module exports `node_register_module_v<ABI>`. Reading it from the binary catches a build
 * that quietly used Node's headers (an npm `nodedir` setting does that) and would crash Electron.
 * A binary without the symbol is a Node-API module, which fits every runtime.
 */
export function bindingFitsAbi(bytes, abi) {
  const text = Buffer.from(bytes).toString('latin1');
  const found = new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((match) => match[1]));
  return found.size === 0 || (found.size === 1 && found.has(abi));
}

/** What a finished build was made for. Any difference means a rebuild. */
export function createStamp({ electronVersion, abi, arch, platform, betterSqlite3Version }) {
  return { electron: electronVersion, abi, arch, platform, betterSqlite3: betterSqlite3Version };
}

export function isStampCurrent(stampText, expected) {
  if (typeof stampText !== 'string') return false;
  let stamp;
  try {
    stamp = JSON.parse(stampText);
  } catch {
    return false;
  }
  if (typeof stamp !== 'object' || stamp === null) return false;
  return Object.keys(expected).every((key) => stamp[key] === expected[key]);
}

/** Everything but an earlier build: a Node-ABI binary must never be mistaken for Electron's. */
export function shouldCopy(relativePath) {
  const first = relativePath.split(/[\\/]/)[0];
  return first !== 'build' && first !== 'node_modules';
}

export function prebuildInstallArgs({ electronVersion, arch }) {
  return ['--runtime', 'electron', '--target', electronVersion, '--arch', arch];
}

export function nodeGypArgs({ electronVersion, arch }) {
  return ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`];
}

const NPM_BUILD_SETTINGS = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source|platform)$/i;

/**
 * npm passes its configuration to scripts as npm_config_* variables. A configured `nodedir` or
 * `target` would make node-gyp build against Node's headers and silently produce the wrong ABI.
 */
export function buildEnvironment(env) {
  const result = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !NPM_BUILD_SETTINGS.test(key)) result[key] = value;
  }
  return result;
}

/** Ways to run node-gyp, best first: npm's own setting, the project's copy, npm's bundled copy, npx. */
export function nodeGypCommands({ env, projectNodeGyp, npmBundledNodeGyp, nodePath }) {
  const commands = [];
  const configured = env.npm_config_node_gyp;
  if (configured) commands.push({ command: nodePath, args: [configured] });
  if (projectNodeGyp) commands.push({ command: nodePath, args: [projectNodeGyp] });
  if (npmBundledNodeGyp) commands.push({ command: nodePath, args: [npmBundledNodeGyp] });
  commands.push({ command: 'npx', args: ['--no-install', 'node-gyp'] });
  const seen = new Set();
  return commands.filter(({ command, args }) => {
    const key = [command, ...args].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
