import type { HandlersFor } from '../context';
import { generateAnnualReport } from './generate';
import { annualReportTexts, saveAnnualReportText } from './texts';

/** The annual report for the regional council and the team's texts for it. */
export const annualReportHandlers: HandlersFor<'annual-report'> = {
  'annual-report:texts': annualReportTexts,
  'annual-report:save-text': saveAnnualReportText,
  'annual-report:generate': generateAnnualReport,
};
