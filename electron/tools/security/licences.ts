import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Walks the production dependency tree as installed in node_modules (no network) and refuses copyleft
 * licences: the app is shipped to municipalities as a closed installer. An SPDX `OR` passes when one
 * alternative is acceptable; `AND` needs all of them.
 */
export const COPYLEFT = /^(A?GPL|LGPL|SSPL|EUPL|OSL|CPAL|RPL|CC-BY-SA|CC-BY-NC|Sleepycat|QPL|Watcom|AFL-1)/i;

export interface PackageLicence {
  name: string;
  version: string;
  licence: string;
  path: string;
}

export interface LicenceReport {
  packages: PackageLicence[];
  /** Copyleft, or an expression with no acceptable alternative. Exceptions never cover these. */
  rejected: PackageLicence[];
  unknown: PackageLicence[];
}

interface Manifest {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: ({ type?: string } | string)[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

export function licenceOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  const list = (manifest.licenses ?? []).map((entry) => (typeof entry === 'string' ? entry : (entry.type ?? ''))).filter(Boolean);
  return list.length ? `(${list.join(' OR ')})` : '';
}

/** True when the SPDX expression allows use without copyleft obligations. */
export function isAcceptable(expression: string): boolean {
  const text = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/\sOR\s/i.test(text)) return text.split(/\s+OR\s+/i).some(isAcceptable);
  if (/\sAND\s/i.test(text)) return text.split(/\s+AND\s+/i).every(isAcceptable);
  return text !== '' && !COPYLEFT.test(text.replace(/^\(|\)$/g, ''));
}

/** Node's lookup: the package's own node_modules, then each folder above it up to the project. */
function resolvePackage(name: string, fromDir: string, root: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (resolve(dir) === resolve(root) || dirname(dir) === dir) return null;
  }
}

export interface LicenceException {
  package: string;
  reason: string;
}

export function readExceptions(path: string): LicenceException[] {
  if (!existsSync(path)) return [];
  const entries = (JSON.parse(readFileSync(path, 'utf8')) as { exceptions?: LicenceException[] }).exceptions ?? [];
  for (const entry of entries) if (!entry.package || !entry.reason?.trim()) throw new Error('Et lisensunntak mangler pakke eller begrunnelse');
  return entries;
}

export function checkLicences(root: string, exceptions: readonly LicenceException[] = []): LicenceReport {
  const packages = new Map<string, PackageLicence>();
  const missing: string[] = [];
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = resolvePackage(name, fromDir, root);
    if (!dir) {
      if (!optional) missing.push(name);
      return;
    }
    if (packages.has(dir)) return;
    const manifest = readManifest(dir);
    packages.set(dir, { name, version: manifest.version ?? '?', licence: licenceOf(manifest), path: dir });
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  const rootManifest = readManifest(root);
  for (const dep of Object.keys(rootManifest.dependencies ?? {})) visit(dep, root, false);
  if (missing.length) throw new Error(`Ikke installert: ${[...new Set(missing)].join(', ')}`);
  const all = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    packages: all,
    rejected: all.filter((p) => p.licence !== '' && !isAcceptable(p.licence)),
    // Unreadable licences fail unless written down as an exception with a reason.
    unknown: all.filter(
      (p) => (p.licence === '' || /^(UNLICENSED|SEE LICENSE)/i.test(p.licence)) && !exceptions.some((e) => e.package === `${p.name}@${p.version}`),
    ),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const exceptions = readExceptions('electron/tools/security/licence-exceptions.json');
  const result = checkLicences(process.cwd(), exceptions);
  for (const e of exceptions) console.log(`UNNTAK  ${e.package}: ${e.reason}`);
  for (const p of result.rejected) console.log(`AVVIST  ${p.name}@${p.version}: ${p.licence}`);
  for (const p of result.unknown) console.log(`UKJENT  ${p.name}@${p.version}: ${p.licence || '(ingen lisens oppgitt)'}`);
  console.log(`Lisenser: ${result.packages.length} produksjonspakker, ${result.rejected.length} avvist, ${result.unknown.length} ukjente`);
  process.exitCode = result.rejected.length + result.unknown.length > 0 ? 1 : 0;
}
