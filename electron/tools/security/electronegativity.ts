import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Electronegativity's static scan of the main process and preload. A HIGH finding fails the build;
 * lower ones are printed for review. The check that looks up newer Electron releases needs the network
 * and is left out: the Electron version is pinned and reviewed with the dependencies.
 */
export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  manualReview: boolean;
}

interface RawIssue {
  id: string;
  severity: { name?: string; value: number } | string;
  confidence: { name?: string; value: number } | string;
  file: string;
  location: { line: number };
  manualReview: boolean;
}

type Runner = (
  options: Record<string, unknown>,
  forCli?: boolean,
) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

const ELECTRON_VERSION = '45.4.1';
export const BLOCKING_SEVERITIES = ['HIGH', 'CRITICAL'];
/**
 * Electronegativity rates an explicit `nodeIntegration: true` on a current Electron as informational
 * (its HIGH is for the old default); for this app, Node in the renderer is never acceptable.
 */
export const ALWAYS_BLOCKING = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK'];

const nameOf = (level: RawIssue['severity']) => (typeof level === 'string' ? level : (level.name ?? String(level.value))).toUpperCase();

export async function scanElectron(input: string): Promise<{ findings: Finding[]; errors: string[] }> {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Runner;
  const result = await run(
    { input, electronVersionOverride: ELECTRON_VERSION, isRelative: true, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] },
    false,
  );
  return {
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: nameOf(issue.severity),
      confidence: nameOf(issue.confidence),
      file: issue.file,
      line: issue.location.line,
      manualReview: issue.manualReview,
    })),
    errors: result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`),
  };
}

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => BLOCKING_SEVERITIES.includes(finding.severity) || ALWAYS_BLOCKING.includes(finding.id));
}

export function formatFinding(finding: Finding): string {
  return `${finding.severity.padEnd(8)} ${finding.id} ${finding.file}:${finding.line}${finding.manualReview ? ' (manuell vurdering)' : ''}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const input = process.argv[2] ?? 'electron';
  const { findings, errors } = await scanElectron(input);
  for (const finding of findings) console.log(formatFinding(finding));
  for (const error of errors) console.error(`Kunne ikke lese ${relative(process.cwd(), error)}`);
  const blocking = blockingFindings(findings);
  console.log(`Electronegativity: ${findings.length} funn, ${blocking.length} alvorlige, ${errors.length} filer som ikke kunne leses`);
  process.exitCode = blocking.length > 0 || errors.length > 0 ? 1 : 0;
}
