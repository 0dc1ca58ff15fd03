import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateAudit, readAllowlist, report, runNpmAudit } from '../../electron/tools/security/auditGate';
import { checkLicences, isAcceptable, readExceptions } from '../../electron/tools/security/licences';
import { makeTempDir } from '../support/testDatabase';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shape `npm audit --json` prints (npm 7 and later). */
function auditOutput(advisories: { name: string; severity: string; ghsa: string }[]): string {
  const vulnerabilities: Record<string, unknown> = {};
  for (const a of advisories) {
    vulnerabilities[a.name] = {
      name: a.name,
      severity: a.severity,
      via: [{ source: 1, name: a.name, title: `Problem i ${a.name}`, url: `https://github.com/advisories/${a.ghsa}`, severity: a.severity }],
    };
  }
  vulnerabilities['uses-it'] = { name: 'uses-it', severity: 'high', via: [advisories[0]?.name ?? 'x'] };
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} });
}

describe('npm audit gate', () => {
  const output = auditOutput([
    { name: 'tar', severity: 'high', ghsa: 'GHSA-aaaa-bbbb-cccc' },
    { name: 'xml', severity: 'critical', ghsa: 'GHSA-dddd-eeee-ffff' },
    { name: 'ms', severity: 'moderate', ghsa: 'GHSA-gggg-hhhh-iiii' },
  ]);

  it('fails on high and critical advisories that are not accepted', () => {
    const outcome = evaluateAudit(output, []);
    expect(outcome).toMatchObject({ kind: 'checked', accepted: [], lower: [{ package: 'ms', severity: 'moderate' }] });
    expect(outcome.kind === 'checked' && outcome.blocking.map((a) => a.id).sort()).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-dddd-eeee-ffff']);
    expect(report(outcome, 'strict').exitCode).toBe(1);
    expect(report(outcome, 'offline-ok').exitCode).toBe(1);
  });

  it('passes an advisory written down with its reason, and only that one', () => {
    const outcome = evaluateAudit(output, [{ advisory: 'GHSA-aaaa-bbbb-cccc', package: 'tar', reason: 'Bare brukt til å lese egne filer' }]);
    expect(outcome.kind === 'checked' && outcome.blocking.map((a) => a.package)).toEqual(['xml']);
    const all = evaluateAudit(output, [
      { advisory: 'GHSA-aaaa-bbbb-cccc', package: 'tar', reason: 'Begrunnelse' },
      { advisory: 'GHSA-dddd-eeee-ffff', package: 'xml', reason: 'Begrunnelse' },
    ]);
    expect(report(all, 'strict')).toMatchObject({ exitCode: 0 });
  });

  it('says plainly that nothing was checked when the audit service cannot be reached', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    const outcome = evaluateAudit(refused, []);
    expect(outcome).toEqual({ kind: 'unreachable', detail: expect.stringContaining('405') });
    expect(report(outcome, 'strict').exitCode).toBe(2);
    const lenient = report(outcome, 'offline-ok');
    expect(lenient.exitCode).toBe(0);
    expect(lenient.lines[0]).toMatch(/^ADVARSEL: .*IKKE kontrollert/);
    expect(evaluateAudit('npm ERR! network', []).kind).toBe('unreachable');
  });

  it('runs against this project: no unaccepted serious advisory, or a clear «not checked»', async () => {
    const outcome = evaluateAudit(await runNpmAudit(ROOT), readAllowlist(join(ROOT, 'electron/tools/security/audit-allowlist.json')));
    const result = report(outcome, 'offline-ok');
    console.log(result.lines.join('\n'));
    expect(result.exitCode).toBe(0);
  }, 150_000);
});

describe('licence check', () => {
  const temp = makeTempDir('ettervern-licences-');
  afterAll(() => temp.cleanup());
  const pkg = (dir: string, manifest: Record<string, unknown>) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  };

  it('reads SPDX expressions: one acceptable alternative in OR, all in AND', () => {
    expect(isAcceptable('MIT')).toBe(true);
    expect(isAcceptable('(MIT OR GPL-3.0-or-later)')).toBe(true);
    expect(isAcceptable('MIT AND LGPL-2.1')).toBe(false);
    expect(isAcceptable('GPL-2.0-only')).toBe(false);
    expect(isAcceptable('AGPL-3.0')).toBe(false);
    expect(isAcceptable('SSPL-1.0')).toBe(false);
    expect(isAcceptable('EUPL-1.2')).toBe(false);
    expect(isAcceptable('Apache-2.0')).toBe(true);
  });

  it('finds copyleft deep in the production tree, ignores dev dependencies, and flags a missing licence', () => {
    const root = join(temp.dir, 'app');
    pkg(root, { name: 'app', dependencies: { a: '1', c: '1' }, devDependencies: { devonly: '1' } });
    pkg(join(root, 'node_modules/a'), { name: 'a', version: '1.0.0', license: 'MIT', dependencies: { b: '1' } });
    pkg(join(root, 'node_modules/a/node_modules/b'), { name: 'b', version: '2.0.0', license: 'GPL-3.0', dependencies: { '@scope/d': '1' } });
    pkg(join(root, 'node_modules/@scope/d'), { name: '@scope/d', version: '1.0.0', licenses: [{ type: 'LGPL-2.1' }] });
    pkg(join(root, 'node_modules/c'), { name: 'c', version: '1.0.0' });
    pkg(join(root, 'node_modules/devonly'), { name: 'devonly', version: '1.0.0', license: 'AGPL-3.0' });
    const result = checkLicences(root);
    expect(result.rejected.map((p) => p.name).sort()).toEqual(['@scope/d', 'b']);
    expect(result.unknown.map((p) => p.name)).toEqual(['c']);
    expect(result.packages.map((p) => p.name)).not.toContain('devonly');
    expect(checkLicences(root, [{ package: 'c@1.0.0', reason: 'Avklart med forfatteren' }]).unknown).toEqual([]);
  });

  it('passes for this project’s production dependencies', () => {
    const result = checkLicences(ROOT, readExceptions(join(ROOT, 'electron/tools/security/licence-exceptions.json')));
    console.log(`Lisenser: ${result.packages.length} produksjonspakker, ${result.rejected.length} avvist, ${result.unknown.length} ukjente`);
    expect(result.packages.length).toBeGreaterThan(5);
    expect(result.rejected).toEqual([]);
    expect(result.unknown).toEqual([]);
  });
});
