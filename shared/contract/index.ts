import type { z } from 'zod';
import '../validation/zodNorwegian';
import type { ChannelDefinition } from './channel';
import { annualReportChannels } from './annualReport';
import { auditChannels } from './audit';
import { backupChannels } from './backups';
import { allCaseChannels } from './cases';
import { categoryChannels } from './categories';
import { contactChannels } from './contacts';
import { costShareChannels } from './costShare';
import { databaseChannels } from './database';
import { documentChannels } from './documents';
import { evaluationChannels } from './evaluations';
import { lifeDomainChannels } from './lifeDomains';
import { municipalityChannels } from './municipalities';
import { networkChannels } from './network';
import { overviewChannels } from './overview';
import { retentionChannels } from './retention';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { allStatisticsChannels } from './statistics';
import { systemChannels } from './system';
import { teamMemberChannels } from './teamMembers';
import { templateChannels } from './templates';
import { timeEntryChannels } from './timeEntries';
import { timesheetChannels } from './timesheet';

/**
 * The one contract between renderer and main. Every channel is `domain:verb-noun`. The dispatcher,
 * the preload's allow-list and the renderer's typed client are all derived from this object, so a
 * channel cannot exist on one side only.
 */
export const contract = {
  ...sessionChannels,
  ...teamMemberChannels,
  ...municipalityChannels,
  ...categoryChannels,
  ...allCaseChannels,
  ...lifeDomainChannels,
  ...contactChannels,
  ...networkChannels,
  ...overviewChannels,
  ...timeEntryChannels,
  ...timesheetChannels,
  ...allStatisticsChannels,
  ...annualReportChannels,
  ...costShareChannels,
  ...settingsChannels,
  ...backupChannels,
  ...systemChannels,
  ...databaseChannels,
  ...auditChannels,
  ...retentionChannels,
  ...templateChannels,
  ...documentChannels,
  ...evaluationChannels,
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
/** Channels that run with nobody signed in (`anonymous: true`); every other one needs a signed-in member. */
export type AnonymousChannelName = { [C in ChannelName]: Contract[C]['anonymous'] extends true ? C : never }[ChannelName];

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
  AfterContactNotPossibleDto,
} from './cases/cases';
export type { CaseloadDto } from './cases/caseLife';
export type { CaseTextsDto } from './cases/closureNote';
export type { ContactDto, ContactPersonDto } from './contacts';
export type { DocumentTemplateDto } from './templates';
export type { GeneratedDocumentDto, GeneratedFileDto } from './documents';
export type { EvaluationAnswers, EvaluationQuestionSummaryDto, EvaluationResponseDto, EvaluationSummaryDto } from './evaluations';
export type { LifeDomainDto } from './lifeDomains';
export type { NetworkEventDto } from './network';
export type { OverviewDto, ActiveCaseAttention, ActiveCaseDto, AfterContactDto } from './overview';
export type { AuditEntryDto, AuditExportDto, AuditFilter, AuditFindingDto, AuditPageDto, AuditVerifyDto } from './audit';
export type { RetentionPreviewDto, RetentionRunDto, RetentionRuleCountDto } from './retention';
export type { MunicipalityDto } from './municipalities';
export type { CategoryDto } from './categories';
export type { SessionDto } from './session';
export type { SettingsDto } from './settings';
export type { BackupDto, BackupListDto, BackupSummaryDto, RestoreResultDto } from './backups';
export type { AppMode, SystemStatusDto } from './system';
export type { DatabaseChangesDto, DatabaseInfoDto, DatabasePresenceDto, PresenceDto } from './database';
export type { TeamMemberDto } from './teamMembers';
export type { TimeEntryDto, TimeEntryPageDto, TimeTotalsDto, TimeEntrySortField } from './timeEntries';
export type { FileDto } from './common';
export type { ImportPreviewDto, ImportProgressDto, ImportRejectionDto, ImportSheetDto, ImportSummaryDto } from './timesheet';
export type { TimeWeekDto, CaseSuggestionDto, EntryConfirmation } from './timeEntries';
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
} from './statistics/pivot';
export { FAMILIAR_TABLE_KEYS, PIVOT_DIMENSIONS, PIVOT_MEASURES, STATISTIC_UNITS, TABLE_UNITS } from './statistics/pivot';
export type { AnnualReportFilesDto, AnnualReportTextDto, AnnualReportTextsDto } from './annualReport';
export type { CaseFiguresDto, CaseFiguresRowDto, CaseloadRowDto, LastingChangeDto, LastingChangeRowDto } from './statistics/caseFigures';
export type { CostShareParametersDto, CostShareSettingsDto, CostShareMunicipalitySettingDto } from './costShare';
export type { CostShareDto, CostShareRowDto } from './statistics/costShare';
