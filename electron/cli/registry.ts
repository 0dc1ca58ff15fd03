import type { CommandRun, CommandSpec } from './command';
import * as specs from './commandSpecs';

export interface RegisteredCommand {
  spec: CommandSpec;
  /** Imports the implementation: exceljs, docx, the services… are loaded only by the command that runs. */
  load(): Promise<CommandRun<CommandSpec>>;
}

/** Pairs a declaration with its implementation; the type check makes the implementation take exactly the declared arguments. */
function lazy<S extends CommandSpec>(spec: S, load: () => Promise<CommandRun<S>>): RegisteredCommand {
  // The parser builds the arguments from this very spec, so the implementation gets what it declared.
  return { spec, load: load as unknown as RegisteredCommand['load'] };
}

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly RegisteredCommand[] = [
  lazy(specs.demoSpec, async () => (await import('./commands/demo')).runDemo),
  lazy(specs.callSpec, async () => (await import('./commands/call')).runCall),
  lazy(specs.channelsSpec, async () => (await import('./commands/channels')).runChannels),
  lazy(specs.importTimesheetSpec, async () => (await import('./commands/importTimesheet')).runImportTimesheet),
  lazy(specs.exportTimesheetSpec, async () => (await import('./commands/exportTimesheet')).runExportTimesheet),
  lazy(specs.documentSpec, async () => (await import('./commands/document')).runDocument),
  lazy(specs.annualReportSpec, async () => (await import('./commands/annualReport')).runAnnualReport),
  lazy(specs.statsSpec, async () => (await import('./commands/stats')).runStats),
  lazy(specs.backupSpec, async () => (await import('./commands/backups')).runBackup),
  lazy(specs.restoreSpec, async () => (await import('./commands/backups')).runRestore),
  lazy(specs.verifySpec, async () => (await import('./commands/backups')).runVerify),
  lazy(specs.auditSpec, async () => (await import('./commands/audit')).runAudit),
  lazy(specs.retentionSpec, async () => (await import('./commands/retention')).runRetention),
  lazy(specs.shareSpec, async () => (await import('./commands/share')).runShare),
  lazy(specs.upgradeSpec, async () => (await import('./commands/upgrade')).runUpgrade),
  lazy(specs.migrateToServerSpec, async () => (await import('./commands/migrateToServer')).runMigrateToServer),
  lazy(specs.setPasswordSpec, async () => (await import('./commands/setPassword')).runSetPassword),
  lazy(specs.firstAdministratorSpec, async () => (await import('./commands/firstAdministrator')).runFirstAdministrator),
];
