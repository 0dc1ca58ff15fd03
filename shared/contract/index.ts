import type { z } from 'zod';
import './zodNorwegian';
import type { ChannelDefinition } from './channel';
import { annualReportChannels } from './annualReport';
import { auditChannels } from './audit';
import { backupChannels } from './backups';
import { caseChannels } from './cases';
import { caseLifeChannels } from './caseLife';
import { caseStatisticsChannels } from './caseStatistics';
import { caseNoteChannels } from './closureNote';
import { contactChannels } from './contacts';
import { documentChannels } from './documents';
import { costShareChannels } from './costShare';
import { lifeDomainChannels } from './lifeDomains';
import { networkChannels } from './network';
import { overviewChannels } from './overview';
import { referenceChannels } from './reference';
import { retentionChannels } from './retention';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { statisticsChannels } from './statistics';
import { systemChannels } from './system';
import { teamMemberChannels } from './teamMembers';
import { timeEntryChannels } from './timeEntries';
import { timesheetExportChannels } from './timesheetExport';
import { timesheetImportChannels } from './timesheetImport';

/**
 * The one contract between renderer and main. Every channel is `domain:verb-noun`. The dispatcher,
 * the preload's allow-list and the renderer's typed client are all derived from this object, so a
 * channel cannot exist on one side only.
 */
export const contract = {
  ...sessionChannels,
  ...teamMemberChannels,
  ...referenceChannels,
  ...caseChannels,
  ...caseLifeChannels,
  ...lifeDomainChannels,
  ...contactChannels,
  ...networkChannels,
  ...overviewChannels,
  ...timeEntryChannels,
  ...timesheetImportChannels,
  ...timesheetExportChannels,
  ...statisticsChannels,
  ...annualReportChannels,
  ...caseStatisticsChannels,
  ...costShareChannels,
  ...settingsChannels,
  ...backupChannels,
  ...systemChannels,
  ...caseNoteChannels,
  ...auditChannels,
  ...retentionChannels,
  ...documentChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;

type DefOf<C extends ChannelName> = Contract[C];
/** What the caller sends (before defaults and transforms). */
export type ChannelInput<C extends ChannelName> = DefOf<C> extends ChannelDefinition<infer I, unknown> ? z.input<I> : never;
/** What the service receives (after validation, defaults and transforms). */
export type ChannelParsedInput<C extends ChannelName> = DefOf<C> extends ChannelDefinition<infer I, unknown> ? z.output<I> : never;
export type ChannelOutput<C extends ChannelName> = DefOf<C> extends ChannelDefinition<z.ZodType, infer O> ? O : never;

/** Channels of one kind, so the renderer cannot cache a write or fire a read as a mutation. */
export type QueryChannelName = { [C in ChannelName]: Contract[C]['kind'] extends 'query' ? C : never }[ChannelName];
export type MutationChannelName = { [C in ChannelName]: Contract[C]['kind'] extends 'mutation' ? C : never }[ChannelName];

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export * from './result';
export type { ChannelDefinition } from './channel';
export type {
  CaseDto,
  CaseDetailDto,
  CasePageDto,
  CaseSortField,
  CaseStaffDto,
  CaseTransitionDto,
  CaseGoalDto,
  CaseRatingDto,
  CaseContactDto,
} from './cases';
export type { CaseloadDto } from './caseLife';
export type { ContactDto, ContactPersonDto } from './contacts';
export type {
  DocumentTemplateDto,
  EvaluationAnswers,
  EvaluationQuestionSummaryDto,
  EvaluationResponseDto,
  EvaluationSummaryDto,
  GeneratedDocumentDto,
  GeneratedFileDto,
} from './documents';
export type { LifeDomainDto } from './lifeDomains';
export type { NetworkEventDto } from './network';
export type { OverviewDto, ActiveCaseDto, AfterContactDto } from './overview';
export type { AuditEntryDto, AuditExportDto, AuditFilter, AuditPageDto, AuditVerifyDto } from './audit';
export type { RetentionPreviewDto, RetentionRunDto, RetentionRuleCountDto } from './retention';
export type { MunicipalityDto, CategoryDto } from './reference';
export type { SessionDto } from './session';
export type { SettingsDto } from './settings';
export type { BackupDto, BackupListDto, BackupSummaryDto, RestoreResultDto } from './backups';
export type { AppMode, LeaseHolderDto, SystemStatusDto } from './system';
export type { TeamMemberDto } from './teamMembers';
export type { TimeEntryDto, TimeEntryPageDto, TimeTotalsDto, TimeEntrySortField } from './timeEntries';
export type { FileDto, ImportPreviewDto, ImportProgressDto, ImportRejectionDto, ImportSheetDto, ImportSummaryDto } from './timesheetImport';
export type { TimeWeekDto, CaseSuggestionDto } from './timeEntries';
export type {
  AnnualPivotDto,
  AnnualPivotCell,
  FamiliarTableDto,
  FamiliarTableKey,
  FamiliarTablesDto,
  PivotColumnDimension,
  PivotDimension,
  PivotDto,
  PivotFigures,
  PivotQuery,
  StatisticMeasure,
  StatisticsPeriod,
  StatisticsTableDto,
  TableMeasure,
  TableValue,
} from './statistics';
export { FAMILIAR_TABLE_KEYS, PIVOT_DIMENSIONS, PIVOT_MEASURES, STATISTIC_UNITS, TABLE_UNITS } from './statistics';
export type { AnnualReportFilesDto, AnnualReportTextDto, AnnualReportTextsDto } from './annualReport';
export type {
  CaseFiguresDto,
  CaseFiguresRowDto,
  CaseloadRowDto,
  LastingChangeDto,
  LastingChangeRowDto,
} from './caseStatistics';
export type {
  CostShareDto,
  CostShareRowDto,
  CostShareParametersDto,
  CostShareSettingsDto,
  CostShareMunicipalitySettingDto,
} from './costShare';
