import type { ChannelParsedInput } from '@shared/contract';
import type { AnnualReportTextDto, AnnualReportTextsDto } from '@shared/contract/annualReport';
import { ANNUAL_REPORT_SECTIONS, sectionHeading, type AnnualReportSection } from '@shared/domain/annualReport';
import { all, run, transaction } from '../../db/exec';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';

interface TextRow {
  section: string;
  text: string;
  updated_at: string;
  display_name: string | null;
}

function readRows(ctx: ServiceContext, year: number): Map<string, TextRow> {
  const rows = all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('annual_report_texts as t')
      .leftJoin('team_members as m', 'm.id', 't.updated_by')
      .select(['t.section', 't.text', 't.updated_at', 'm.display_name'])
      .where('t.year', '=', year),
  );
  return new Map(rows.map((r) => [r.section, r]));
}

function toDto(section: AnnualReportSection, year: number, row: TextRow | undefined): AnnualReportTextDto {
  const definition = ANNUAL_REPORT_SECTIONS.find((s) => s.key === section)!;
  return {
    section,
    heading: sectionHeading(section, year),
    hint: definition.hint,
    text: row?.text ?? null,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.display_name ?? null,
  };
}

/** Every section in report order, written or not. */
export function annualReportTexts(ctx: ServiceContext, input: { year: number }): AnnualReportTextsDto {
  const rows = readRows(ctx, input.year);
  return { year: input.year, sections: ANNUAL_REPORT_SECTIONS.map((s) => toDto(s.key, input.year, rows.get(s.key))) };
}

/** Saves (or, when emptied, removes) one section's text. The audit row names the section, not the words. */
export function saveAnnualReportText(ctx: SignedInContext, input: ChannelParsedInput<'annual-report:save-text'>): AnnualReportTextDto {
  const { actor } = ctx;
  return transaction(ctx.db, () => {
    const { kysely } = ctx.db;
    if (input.text === '') {
      run(ctx.db, kysely.deleteFrom('annual_report_texts').where('year', '=', input.year).where('section', '=', input.section));
    } else {
      const values = { text: input.text, updated_at: ctx.clock.now().toISOString(), updated_by: actor.id };
      run(
        ctx.db,
        kysely
          .insertInto('annual_report_texts')
          .values({ year: input.year, section: input.section, ...values })
          .onConflict((oc) => oc.columns(['year', 'section']).doUpdateSet(values)),
      );
    }
    recordAudit(ctx, 'update', 'annual_report_text', input.year, auditedFields('annual-report:save-text', [input.section]));
    return toDto(input.section, input.year, readRows(ctx, input.year).get(input.section));
  });
}
