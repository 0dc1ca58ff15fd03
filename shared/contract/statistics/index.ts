import { caseStatisticsChannels } from './caseFigures';
import { costShareStatisticsChannels } from './costShare';
import { statisticsChannels } from './pivot';

/** Every `statistics:*` channel: the time log's pivot and tables, the case figures and the cost share. */
export const allStatisticsChannels = { ...statisticsChannels, ...caseStatisticsChannels, ...costShareStatisticsChannels } as const;
