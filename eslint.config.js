import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One lint for the whole tree. Besides the usual rules it encodes the layers of the README's architecture
 * picture, so an import that breaks them fails `npm test` (tests/unit/lintLayers.test.ts proves each rule bites).
 * Paths in the zones are relative to this folder.
 */
const root = import.meta.dirname;

const subfolders = (folder) =>
  readdirSync(`${root}/${folder}`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** A feature is a screen of its own: what two features share belongs in components/ or lib/. */
const featureZones = subfolders('renderer/src/features').map((feature) => ({
  target: `./renderer/src/features/${feature}`,
  from: './renderer/src/features',
  except: [`./${feature}`],
  message: 'En feature importerer ikke fra en annen: flytt det felles til renderer/src/components eller lib.',
}));

/**
 * shared/ in layers, lowest first: the plain helpers at its top (dates, hours, format, case codes) and security,
 * then validation, domain, contract, tables, charts. A layer may import the ones below it, never one above.
 * shared/api.ts is the typed client of the contract, so it sits in the contract's layer.
 */
const sharedLayers = [
  ['./shared/!(api).ts', './shared/security'],
  ['./shared/validation'],
  ['./shared/domain'],
  ['./shared/contract', './shared/api.ts'],
  ['./shared/tables'],
  ['./shared/charts'],
];
const sharedLayerZones = sharedLayers.slice(0, -1).map((layer, index) => ({
  target: layer,
  from: sharedLayers.slice(index + 1).flat(),
  message: 'Et lavere lag i shared/ importerer ikke et høyere (rekkefølgen står i eslint.config.js).',
}));

const layerZones = [
  { target: './renderer', from: './electron', message: 'Vinduet når electron/ bare gjennom window.api og kontrakten i shared/.' },
  { target: './electron/db', from: './electron/services', message: 'Databaselaget ligger under tjenestene og importerer dem ikke.' },
  {
    target: './electron/services',
    from: ['./electron/main', './electron/preload', './electron/cli'],
    message: 'Tjenestene er ren Node: appen, preload og kommandolinjen bruker dem, ikke omvendt.',
  },
  {
    target: './shared',
    from: ['./electron', './renderer', './tests', './resources'],
    message: 'shared/ brukes av begge sider og importerer bare fra shared/.',
  },
  ...sharedLayerZones,
  ...featureZones,
];

const noElectronModule = {
  patterns: [
    {
      regex: '^electron(/.*)?$',
      message: "Bare electron/main og electron/preload bruker 'electron': tjenestene og databasen er ren Node, shared/ og vinduet ren TypeScript.",
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      '.electron-abi/',
      '.bench-cache/',
      'tests/artifacts/',
      // Fixtures are inputs to tests (a deliberately insecure window, pages for the browser harness, an import
      // cycle for the lint test), not code of ours to keep clean.
      'tests/**/fixtures/',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the plugin reads only .js files, and no-cycle would silently follow nothing.
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js', '.jsx', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.cts', '.mts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      // A package never imports our code, so a cycle cannot pass through one; skipping them saves most of the time.
      'import-x/no-cycle': ['error', { maxDepth: '∞', ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
      // The code marks a name it must bind but does not use (a parameter, a left-out property) with a leading _.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**', 'tests/**', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The services and their callers are async on either engine (electron/db/query.ts): a call whose promise
    // nobody awaits would let a write finish after its caller has answered, or its error go unheard. These
    // rules need the types, so they run on the TypeScript of electron/ and tests/ only.
    files: ['electron/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: globals['shared-node-browser'] },
    rules: {
      'no-restricted-imports': ['error', noElectronModule],
      'import-x/no-nodejs-modules': 'error',
    },
  },
  {
    files: ['electron/services/**', 'electron/db/**', 'renderer/src/**'],
    rules: { 'no-restricted-imports': ['error', noElectronModule] },
  },
  {
    // Kysely's migrations take Kysely<any>: a migration must keep working whatever the schema types say later.
    files: ['electron/db/migrations/**', 'electron/db/postgres/migrations/**', 'electron/db/postgres/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The two Rules of Hooks. The plugin's other recommended rules check code for the React Compiler, which
    // this app does not use, and they would make the whole lint about 1.6 times as slow.
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
