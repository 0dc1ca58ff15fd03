#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron into .electron-abi/, so that Electron loads a binary
// made for its ABI while node_modules keeps the Node build that `npm test` needs. Run by `npm start`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BINDING_FILE,
  ELECTRON_ABI_PACKAGE_DIR,
  STAMP_FILE,
  bindingFitsAbi,
  buildEnvironment,
  createStamp,
  isStampCurrent,
  nodeGypArgs,
  nodeGypCommands,
  prebuildInstallArgs,
  readElectronAbi,
  readElectronVersion,
  shouldCopy,
} from './electron-abi.mjs';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceDir = join(projectDir, 'node_modules', 'better-sqlite3');
const targetDir = join(projectDir, ...ELECTRON_ABI_PACKAGE_DIR);
const bindingPath = join(targetDir, ...BINDING_FILE);
const stampPath = join(targetDir, STAMP_FILE);

function say(line) {
  console.log(`[electron-sqlite] ${line}`);
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function run(command, args, abi) {
  say(`> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: targetDir,
    env: buildEnvironment(process.env),
    stdio: 'inherit',
    shell: process.platform === 'win32' && command === 'npx',
    timeout: 15 * 60_000,
  });
  if (result.status !== 0 || !existsSync(bindingPath)) return false;
  if (bindingFitsAbi(readFileSync(bindingPath), abi)) return true;
  say(`Resultatet er bygget for feil ABI (ikke Electrons ${abi}); forkaster det. Sjekk npm-innstillingen «nodedir».`);
  rmSync(join(targetDir, 'build'), { recursive: true, force: true });
  return false;
}

function locate(resolveFrom, request) {
  try {
    return createRequire(resolveFrom).resolve(request);
  } catch {
    return null;
  }
}

function npmBundledNodeGyp() {
  const npmCli = process.env.npm_execpath;
  if (!npmCli) return null;
  const candidate = join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return existsSync(candidate) ? candidate : null;
}

function main() {
  const electronPackage = readText(join(projectDir, 'node_modules', 'electron', 'package.json'));
  if (electronPackage === null) throw new Error('Electron er ikke installert (node_modules/electron mangler). Kjør npm install.');
  const betterSqlitePackage = readText(join(sourceDir, 'package.json'));
  if (betterSqlitePackage === null) throw new Error('better-sqlite3 er ikke installert. Kjør npm install.');

  const electronVersion = readElectronVersion(electronPackage);
  const abi = readElectronAbi(readText(join(projectDir, 'node_modules', 'electron', 'abi_version')));
  const arch = process.arch;
  const stamp = createStamp({ electronVersion, abi, arch, platform: process.platform, betterSqlite3Version: JSON.parse(betterSqlitePackage).version });

  if (existsSync(bindingPath) && isStampCurrent(readText(stampPath), stamp) && bindingFitsAbi(readFileSync(bindingPath), abi)) {
    say(`better-sqlite3 ${stamp.betterSqlite3} er allerede bygget for Electron ${electronVersion} (ABI ${abi}, ${arch}).`);
    return;
  }

  say(`Kopierer better-sqlite3 ${stamp.betterSqlite3} til ${relative(projectDir, targetDir)} …`);
  rmSync(targetDir, { recursive: true, force: true });
  mkdirSync(targetDir, { recursive: true });
  cpSync(sourceDir, targetDir, { recursive: true, filter: (path) => shouldCopy(relative(sourceDir, path)) });

  say(`Henter ferdig bygget binærfil for Electron ${electronVersion} (${arch}) …`);
  const prebuildInstall = locate(join(sourceDir, 'package.json'), 'prebuild-install/bin.js');
  let built = prebuildInstall !== null && run(process.execPath, [prebuildInstall, ...prebuildInstallArgs({ electronVersion, arch })], abi);

  if (!built) {
    say('Ingen ferdig binærfil. Kompilerer med node-gyp mot Electrons headerfiler …');
    const commands = nodeGypCommands({
      env: process.env,
      projectNodeGyp: locate(join(projectDir, 'package.json'), 'node-gyp/bin/node-gyp.js'),
      npmBundledNodeGyp: npmBundledNodeGyp(),
      nodePath: process.execPath,
    });
    for (const { command, args } of commands) {
      built = run(command, [...args, ...nodeGypArgs({ electronVersion, arch })], abi);
      if (built) break;
    }
  }

  if (!built) {
    // A half-finished build folder could hold a binary for the wrong ABI; the app must not pick it up.
    rmSync(join(targetDir, 'build'), { recursive: true, force: true });
    throw new Error(
      `Kunne ikke bygge better-sqlite3 for Electron ${electronVersion} (${arch}). ` +
        'Verken en ferdig binærfil (GitHub) eller Electrons headerfiler (electronjs.org) kunne lastes ned. ' +
        'Kontroller nettverkstilgangen og kjør kommandoen på nytt. `npm test` trenger ikke dette steget.',
    );
  }

  writeFileSync(stampPath, `${JSON.stringify(stamp, null, 2)}\n`);
  say(`Ferdig: ${relative(projectDir, bindingPath)}`);
}

try {
  main();
} catch (error) {
  console.error(`[electron-sqlite] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
