import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm audit` for production dependencies: an unaccepted high or critical advisory fails. Accepted ones
 * are written down in electron/tools/security/audit-allowlist.json with the reason. When the audit service cannot be
 * reached the gate says so plainly: in strict mode (`npm run audit:prod`) that fails, in the test run
 * it is reported and passes — a gate that never ran must not look like a gate that passed.
 */
export interface AcceptedAdvisory {
  advisory: string;
  package: string;
  reason: string;
  reviewBy?: string;
}

export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
}

export type AuditOutcome = { kind: 'unreachable'; detail: string } | { kind: 'checked'; blocking: Advisory[]; accepted: Advisory[]; lower: Advisory[] };

const BLOCKING = new Set(['high', 'critical']);

interface NpmAuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}

/** Reads the JSON `npm audit --json` prints (npm 7+), or its error object when the service failed. */
export function evaluateAudit(output: string, allowlist: readonly AcceptedAdvisory[]): AuditOutcome {
  let report: { vulnerabilities?: Record<string, { via: (NpmAuditVia | string)[] }>; error?: { summary?: string }; statusCode?: number; message?: string };
  try {
    report = JSON.parse(output);
  } catch {
    return { kind: 'unreachable', detail: 'npm audit ga ikke JSON' };
  }
  if (!report.vulnerabilities) {
    const detail = report.error?.summary || report.message || (report.statusCode ? `HTTP ${report.statusCode}` : 'ukjent svar');
    return { kind: 'unreachable', detail: detail.split('\n')[0]!.slice(0, 200) };
  }
  const seen = new Map<string, Advisory>();
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    for (const via of vulnerability.via) {
      // A string names another vulnerable package this one depends on; its own entry carries the advisory.
      if (typeof via === 'string') continue;
      const id = via.url?.split('/').pop() ?? String(via.source ?? 'ukjent');
      seen.set(`${id}:${via.name ?? name}`, { id, package: via.name ?? name, severity: (via.severity ?? 'unknown').toLowerCase(), title: via.title ?? '' });
    }
  }
  const isAccepted = (advisory: Advisory) =>
    allowlist.some((entry) => entry.advisory === advisory.id && entry.package === advisory.package && entry.reason.trim().length > 0);
  const advisories = [...seen.values()];
  return {
    kind: 'checked',
    blocking: advisories.filter((a) => BLOCKING.has(a.severity) && !isAccepted(a)),
    accepted: advisories.filter(isAccepted),
    lower: advisories.filter((a) => !BLOCKING.has(a.severity) && !isAccepted(a)),
  };
}

export function readAllowlist(path: string): AcceptedAdvisory[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { accepted?: AcceptedAdvisory[] };
  const entries = parsed.accepted ?? [];
  for (const entry of entries) {
    if (!entry.advisory || !entry.package || !entry.reason?.trim())
      throw new Error(`Godtatt sårbarhet uten id, pakke eller begrunnelse: ${JSON.stringify(entry)}`);
  }
  return entries;
}

export function runNpmAudit(cwd: string): Promise<string> {
  return new Promise((resolve) => {
    // npm audit exits non-zero both when it finds something and when it fails; the JSON tells which.
    execFile('npm', ['audit', '--omit=dev', '--json'], { cwd, maxBuffer: 32 * 1024 * 1024, timeout: 120_000 }, (_error, stdout) => resolve(stdout));
  });
}

/** Exit code and lines to print for an outcome. */
export function report(outcome: AuditOutcome, mode: 'strict' | 'offline-ok'): { exitCode: number; lines: string[] } {
  if (outcome.kind === 'unreachable') {
    const line = `npm audit: sårbarhetstjenesten svarte ikke (${outcome.detail}). Avhengighetene er IKKE kontrollert.`;
    return mode === 'strict' ? { exitCode: 2, lines: [line] } : { exitCode: 0, lines: [`ADVARSEL: ${line} Kjør «npm run audit:prod» der tjenesten kan nås.`] };
  }
  const lines = [
    ...outcome.blocking.map((a) => `STOPP  ${a.severity} ${a.package} ${a.id} ${a.title}`),
    ...outcome.accepted.map((a) => `godtatt ${a.severity} ${a.package} ${a.id} (se electron/tools/security/audit-allowlist.json)`),
    ...outcome.lower.map((a) => `merk   ${a.severity} ${a.package} ${a.id} ${a.title}`),
    `npm audit: ${outcome.blocking.length} alvorlige som ikke er godtatt, ${outcome.accepted.length} godtatt, ${outcome.lower.length} lavere`,
  ];
  return { exitCode: outcome.blocking.length > 0 ? 1 : 0, lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const mode = process.argv.includes('--offline-ok') ? 'offline-ok' : 'strict';
  const outcome = evaluateAudit(await runNpmAudit(process.cwd()), readAllowlist('electron/tools/security/audit-allowlist.json'));
  const result = report(outcome, mode);
  for (const line of result.lines) console.log(line);
  process.exitCode = result.exitCode;
}
