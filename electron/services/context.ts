import type { Db } from '../db/engine';
import type { AppDatabase } from '../db/open';
import type { AnonymousChannelName, ChannelName, ChannelOutput, ChannelParsedInput } from '@shared/contract';
import type { TeamRole } from '@shared/domain/caseStatus';
import type { ScryptCost } from './session/passwords';
import type { WitnessKey } from './audit/witness';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant) };
}

/** The team member on whose behalf a call runs. Needed for every write (the audit log names them). */
export interface Actor {
  id: number;
  username: string;
  role: TeamRole;
}

/** Who is signed in, held by the dispatcher for the lifetime of a window or command-line run. */
export interface SessionStore {
  actor: Actor | null;
  /**
   * The screen is locked: the actor is kept (only they can unlock), but the dispatcher refuses every
   * channel except unlocking, signing out and asking who is signed in.
   */
  locked?: boolean;
}

/**
 * Why the database must not be changed now: the start-up check found damage (recovery mode), or a test
 * or a command asks for a read-only run. The dispatcher refuses every mutation but `allow`.
 */
export interface ReadOnlyState {
  mode: 'read-only' | 'recovery';
  /** Norwegian, shown to the user and returned with every refused write. */
  reason: string;
  allow?: readonly ChannelName[];
  /** The file on disk when `db` is a stand-in because the damaged file could not be opened at all. */
  databasePath?: string;
}

/**
 * What the desktop does for a service without the service importing Electron: main implements it with
 * `shell.openPath`; the command line and the tests pass a fake that records the path.
 */
export interface DesktopPort {
  /** Opens a file in its default program (a .docx in Word). Resolves with an error text, '' on success. */
  openPath(path: string): Promise<string>;
  /** The system's folder dialog («Velg mappe…»); null when cancelled. Absent where there is no desktop. */
  chooseFolder?(): Promise<string | null>;
  /** The system's file dialog for a database file («Velg fil…»); null when cancelled. */
  chooseFile?(): Promise<string | null>;
}

export interface ServiceContext {
  db: AppDatabase;
  actor: Actor | null;
  clock: Clock;
  session: SessionStore;
  readOnly?: ReadOnlyState | null;
  /** scrypt cost for new password hashes. Default: DEFAULT_SCRYPT_COST; the test helpers pass a cheap one. */
  passwordCost?: ScryptCost;
  /**
   * The folder holding the shipped files (resources/templates/…): `process.resourcesPath` when packaged,
   * the repository's resources/ in development, the CLI and the tests.
   */
  resourcesDir?: string;
  desktop?: DesktopPort;
  /**
   * This PC's own folder (Electron's userData; a path option for the command line): where audit lines
   * wait when the database's folder refuses writes, and where the audit-chain witness is kept.
   */
  userDataDir?: string;
  /** Signs this PC's witness of the audit log's head (safeStorage in the app, a 0600 key file in the CLI). */
  witnessKey?: WitnessKey;
  /**
   * Makes this PC use another database file from now on (after «Del databasen med teamet» or «Åpne delt
   * database»): electron/main reopens and remembers it. Absent on the command line, which prints the path.
   */
  switchDatabase?: (path: string) => void;
}

/**
 * What an engine-neutral service needs: a database on either engine (electron/db/engine.ts). Every
 * ServiceContext is one; the services converted to electron/db/query.ts take only this, so they run on
 * PostgreSQL as well as on the SQLite file.
 */
export interface DbContext {
  db: Db;
}

/**
 * A service context with its database on either engine: what a service moved to electron/db/query.ts takes
 * (`OnAnyEngine<SignedInContext>` for a signed-in call). Every ServiceContext the dispatcher builds is one.
 */
export type OnAnyEngine<C extends ServiceContext> = Omit<C, 'db'> & DbContext;

/** Set only by signedInContext (session/actor.ts), so a context built by hand is not a signed-in one. */
export const SIGNED_IN: unique symbol = Symbol('signed in');

/**
 * A call on behalf of a member who is signed in, still active, and has the role the database gives them
 * now — checked just before the call (see signedInContext), not taken from what their sign-in said.
 */
export interface SignedInContext extends ServiceContext {
  actor: Actor;
  readonly [SIGNED_IN]: true;
}

/** Only the contract's anonymous channels run without a signed-in member; the type follows the flag. */
export type ContextFor<C extends ChannelName> = C extends AnonymousChannelName ? ServiceContext : SignedInContext;

/** A service function answers at once or, for slow work done off the main thread, with a promise. */
export type Handler<C extends ChannelName> = (ctx: ContextFor<C>, input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of the channels `domain:…` for the given domains: what one service folder exports. */
export type HandlersFor<Domain extends string> = { [C in ChannelName as C extends `${Domain}:${string}` ? C : never]: Handler<C> };
