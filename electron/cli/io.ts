import type { ApiError, ApiResult } from '@shared/contract';

/** Where the command line writes. Injected, so tests can run commands in-process and read the output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  now: () => new Date(),
};

/** Exit codes, so scripts can tell «refused» from «wrong use». */
export const EXIT = {
  ok: 0,
  /** Ran, but refused or failed: a typed error from a channel, an existing file, an unreadable database. */
  failed: 1,
  /** Wrong use: unknown command or option, invalid JSON, missing argument. */
  usage: 2,
} as const;

/** Wrong use of the command line; the message is Norwegian and is printed with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A refusal with a Norwegian message for the user (exit code 1). */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/**
 * A channel said no (validation, rights, sign-in): printed as `{ "ok": false, "error": … }` on stdout, so
 * a script can read the code, and the message on stderr (exit code 1).
 */
export class ChannelRefusal extends CliFailure {
  constructor(readonly refusal: ApiError) {
    super(`Feil: ${refusal.message}`);
  }
}

/** The value of a channel's answer, or a ChannelRefusal. */
export function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new ChannelRefusal(result.error);
  return result.value as T;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
