import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockingFindings, formatFinding, scanElectron } from '../../electron/tools/security/electronegativity';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('Electronegativity', () => {
  it('finds nothing serious in the main process and preload', async () => {
    const { findings, errors } = await scanElectron(join(ROOT, 'electron'));
    console.log(`Electronegativity: ${findings.length} funn, ${blockingFindings(findings).length} alvorlige\n  ${findings.map(formatFinding).join('\n  ')}`);
    expect(errors).toEqual([]);
    expect(blockingFindings(findings).map(formatFinding)).toEqual([]);
    // The scan really read the window: it sees (and accepts) the preload script it declares.
    expect(findings.some((finding) => finding.file.includes('window.ts'))).toBe(true);
  }, 60_000);

  it('reports a window with nodeIntegration: true as a serious finding', async () => {
    const { findings } = await scanElectron(join(ROOT, 'tests/security/fixtures'));
    const blocking = blockingFindings(findings).map((finding) => finding.id);
    expect(blocking).toContain('NODE_INTEGRATION_JS_CHECK');
    expect(blocking).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 60_000);
});
