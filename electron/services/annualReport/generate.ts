import type { AnnualReportFilesDto } from '@shared/contract/annualReport';
import { annualReportFileName } from '@shared/domain/annualReport';
import { DOCX_MIME_TYPE } from '@shared/domain/documents';
import { isoDateInOslo } from '@shared/dates';
import { transaction } from '../../db/query';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { OnAnyEngine, ServiceContext, SignedInContext } from '../context';
import { XLSX_MIME } from '../timesheet/sheetFiles';
import { annualReportContent } from './reportContent';

/** Both files from one read of the figures, so the document and the spreadsheet agree. */
export async function annualReportFiles(ctx: OnAnyEngine<ServiceContext>, year: number): Promise<AnnualReportFilesDto> {
  // docx, exceljs and the chart libraries load with the first report, not with the services.
  const [{ annualReportDocx }, { annualReportXlsx }] = await Promise.all([import('./docxReport'), import('./xlsxReport')]);
  const content = await annualReportContent(ctx, year);
  const [docx, xlsx] = await Promise.all([annualReportDocx(content, isoDateInOslo(ctx.clock.now())), annualReportXlsx(content)]);
  return {
    docx: { fileName: annualReportFileName(year, 'docx'), mimeType: DOCX_MIME_TYPE, contentBase64: docx.toString('base64') },
    xlsx: { fileName: annualReportFileName(year, 'xlsx'), mimeType: XLSX_MIME, contentBase64: xlsx.toString('base64') },
  };
}

/** The one-click annual report: one audit row for the pair of files. */
export async function generateAnnualReport(ctx: OnAnyEngine<SignedInContext>, input: { year: number }): Promise<AnnualReportFilesDto> {
  const files = await annualReportFiles(ctx, input.year);
  await transaction(ctx.db, (tx) =>
    recordAudit({ ...ctx, db: tx }, 'document', 'annual_report', input.year, auditedFields('annual-report:generate', ['docx', 'xlsx'])),
  );
  return files;
}
