export declare const ELECTRON_ABI_PACKAGE_DIR: readonly string[];
export declare const BINDING_FILE: readonly string[];
export declare const STAMP_FILE: string;
export declare const ELECTRON_HEADERS_URL: string;

export interface ElectronAbiStamp {
  electron: string;
  abi: string;
  arch: string;
  platform: string;
  betterSqlite3: string;
}

export declare function readElectronVersion(packageJsonText: string): string;
export declare function readElectronAbi(abiVersionText: string | null | undefined): string;
export declare function bindingFitsAbi(bytes: Uint8Array, abi: string): boolean;
export declare function createStamp(input: {
  electronVersion: string;
  abi: string;
  arch: string;
  platform: string;
  betterSqlite3Version: string;
}): ElectronAbiStamp;
export declare function isStampCurrent(stampText: string | null | undefined, expected: ElectronAbiStamp): boolean;
export declare function shouldCopy(relativePath: string): boolean;
export declare function prebuildInstallArgs(input: { electronVersion: string; arch: string }): string[];
export declare function nodeGypArgs(input: { electronVersion: string; arch: string }): string[];
export declare function buildEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string>;
export declare function nodeGypCommands(input: {
  env: Readonly<Record<string, string | undefined>>;
  projectNodeGyp: string | null;
  npmBundledNodeGyp: string | null;
  nodePath: string;
}): { command: string; args: string[] }[];
