import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules in eslint.config.js, proved to bite: each forbidden import below is linted as if it were
 * written in a file at that place in the tree (the file need not exist), and must be reported by its rule.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let eslint: ESLint;
beforeAll(() => {
  // ignore: false so the cycle fixture (ignored by `npm run lint`) can be linted here. The probes are files
  // that do not exist, so the TypeScript project cannot type them: the rules that need types (the promise
  // rules) are left out here, and the layer rules, which need none, are what this test proves.
  eslint = new ESLint({
    cwd: ROOT,
    ignore: false,
    overrideConfig: {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/await-thenable': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
      },
    },
  });
});

async function rulesReported(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result!.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const importing = (specifier: string) => `import * as probe from '${specifier}';\nexport default probe;\n`;

describe('forbidden imports are reported', () => {
  it.each([
    ['a feature from another feature, by alias', 'renderer/src/features/cases/Probe.tsx', '@renderer/features/contacts/ContactsPage'],
    ['a feature from another feature, by path', 'renderer/src/features/cases/Probe.tsx', '../contacts/ContactsPage'],
    ['the renderer from electron/', 'renderer/src/lib/probe.ts', '../../../electron/services/dispatcher'],
    ['the database from the services', 'electron/db/probe.ts', '../services/context'],
    ['the services from electron/main', 'electron/services/cases/probe.ts', '../../main/log'],
    ['the services from the preload', 'electron/services/cases/probe.ts', '../../preload/api'],
    ['the services from the command line', 'electron/services/cases/probe.ts', '../../cli/io'],
    ['shared/ from electron/', 'shared/domain/probe.ts', '../../electron/db/open'],
    ['shared/ from the renderer', 'shared/probe.ts', '@renderer/lib/api'],
    ['shared/ from tests/', 'shared/probe.ts', '../tests/support/testDatabase'],
    ['the plain helpers from validation', 'shared/probe.ts', '@shared/validation/zodNorwegian'],
    ['security from domain', 'shared/security/probe.ts', '../domain/statistics'],
    ['validation from domain', 'shared/validation/probe.ts', '@shared/domain/statistics'],
    ['domain from contract', 'shared/domain/probe.ts', '../contract'],
    ['domain from the contract-level api.ts', 'shared/domain/probe.ts', '@shared/api'],
    ['contract from tables', 'shared/contract/probe.ts', '@shared/tables/caseTables'],
    ['tables from charts', 'shared/tables/probe.ts', '../charts/types'],
  ])('%s (no-restricted-paths)', async (_what, file, specifier) => {
    expect(await rulesReported(file, importing(specifier))).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['electron/services/cases/probe.ts', 'electron'],
    ['electron/db/probe.ts', 'electron'],
    ['shared/domain/probe.ts', 'electron'],
    ['shared/contract/probe.ts', 'electron/main'],
    ['renderer/src/lib/probe.ts', 'electron'],
  ])("%s may not import '%s' (no-restricted-imports)", async (file, specifier) => {
    expect(await rulesReported(file, importing(specifier))).toContain('no-restricted-imports');
  });

  it.each(['node:fs', 'path'])('shared/ may not import the Node built-in %s', async (specifier) => {
    expect(await rulesReported('shared/dates-probe.ts', importing(specifier))).toContain('import-x/no-nodejs-modules');
  });

  it('a hook called conditionally is reported in the renderer', async () => {
    const code = "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    expect(await rulesReported('renderer/src/components/Probe.tsx', code)).toContain('react-hooks/rules-of-hooks');
  });
});

describe('allowed imports pass', () => {
  it.each([
    ['a feature from itself', 'renderer/src/features/cases/Probe.tsx', './CaseTable'],
    ['a feature from components', 'renderer/src/features/cases/Probe.tsx', '@renderer/components/PageHeader'],
    ['a feature from shared/', 'renderer/src/features/cases/Probe.tsx', '@shared/contract'],
    ['the app shell from a feature', 'renderer/src/app/Probe.tsx', '@renderer/features/cases/CasesPage'],
    ['electron/main from the services', 'electron/main/probe.ts', '../services/dispatcher'],
    ['electron/main from Electron', 'electron/main/probe.ts', 'electron'],
    ['the services from the database', 'electron/services/cases/probe.ts', '../../db/open'],
    ['the services from shared/', 'electron/services/cases/probe.ts', '@shared/contract'],
    ['the database from shared/', 'electron/db/probe.ts', '@shared/dates'],
    ['charts from contract', 'shared/charts/probe.ts', '@shared/contract'],
    ['contract from domain', 'shared/contract/probe.ts', '../domain/statistics'],
    ['tables from contract', 'shared/tables/probe.ts', '../contract'],
    ['domain from the plain helpers', 'shared/domain/probe.ts', '../dates'],
    ['shared/ from a package', 'shared/validation/probe.ts', 'zod'],
  ])('%s', async (_what, file, specifier) => {
    expect(await rulesReported(file, importing(specifier))).toEqual([]);
  });
});

describe('import cycles', () => {
  it('a cycle of value imports is reported where it starts', async () => {
    const [result] = await eslint.lintFiles([resolve(ROOT, 'tests/unit/fixtures/importCycle/first.ts')]);
    const cycles = result!.messages.filter((message) => message.ruleId === 'import-x/no-cycle');
    // Line 3 imports ./second (values both ways). The type-only loop through ./third (line 4) is not the
    // plugin's to see: architecture.test.ts checks the whole graph with type imports included.
    expect(cycles.map((message) => message.line)).toEqual([3]);
  });
});

describe('promises', () => {
  // Linted with the whole config, types included, as the text of a file the TypeScript project holds. The
  // first lint builds the project's types (half a minute on a busy machine), hence the timeouts.
  const typed = new ESLint({ cwd: ROOT });
  const lintAs = async (file: string, code: string) => {
    const [result] = await typed.lintText(code, { filePath: resolve(ROOT, file) });
    return result!.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
  };

  it('a service call whose promise nobody awaits is reported', async () => {
    const code = `import { run } from './query';\nimport type { Db } from './engine';\nexport function save(db: Db): void {\n  run(db, db.kysely.deleteFrom('settings'));\n}\n`;
    expect(await lintAs('electron/db/dialect.ts', code)).toContain('@typescript-eslint/no-floating-promises');
  }, 120_000);

  it('the same call awaited passes', async () => {
    const code = `import { run } from './query';\nimport type { Db } from './engine';\nexport async function save(db: Db): Promise<void> {\n  await run(db, db.kysely.deleteFrom('settings'));\n}\n`;
    expect(await lintAs('electron/db/dialect.ts', code)).toEqual([]);
  }, 120_000);
});
