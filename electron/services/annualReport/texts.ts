import type { ChannelParsedInput } from '@shared/contract';
import type { AnnualReportTextDto, AnnualReportTextsDto } from '@shared/contract/annualReport';
import { ANNUAL_REPORT_SECTIONS, sectionHeading, type AnnualReportSection } from '@shared/domain/annualReport';
import { all, first, run, transaction } from '../../db/query';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { DbContext, OnAnyEngine, SignedInContext } from '../context';
import { claimVersion, latestChange, versionConflict } from '../versions/versionedRecord';

type WriteContext = OnAnyEngine<SignedInContext>;

interface TextRow {
  section: string;
  text: string;
  updated_at: string;
  display_name: string | null;
  version: number;
}

async function readRows(ctx: DbContext, year: number): Promise<Map<string, TextRow>> {
  const rows = await all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('annual_report_texts as t')
      .leftJoin('team_members as m', 'm.id', 't.updated_by')
      .select(['t.section', 't.text', 't.updated_at', 'm.display_name', 't.version'])
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
    version: row?.version ?? 0,
  };
}

/** Every section in report order, written or not. */
export async function annualReportTexts(ctx: DbContext, input: { year: number }): Promise<AnnualReportTextsDto> {
  const rows = await readRows(ctx, input.year);
  return { year: input.year, sections: ANNUAL_REPORT_SECTIONS.map((s) => toDto(s.key, input.year, rows.get(s.key))) };
}

type SaveInput = ChannelParsedInput<'annual-report:save-text'>;

/**
 * Refuses the save unless the section is as the editor read it: version 0 means it had no text, and
 * then it must still have none; otherwise the stored version must be the one read (and is raised).
 */
async function claimText(ctx: WriteContext, input: SaveInput): Promise<void> {
  if (input.version > 0) {
    await claimVersion(ctx, {
      table: 'annual_report_texts',
      key: { year: input.year, section: input.section },
      version: input.version,
      noun: 'Teksten',
      action: input.text === '' ? 'delete' : 'update',
      missing: 'Teksten er tømt av en annen siden du lastet den. Last inn på nytt – det du skrev er ikke lagret.',
    });
    return;
  }
  const { kysely } = ctx.db;
  const written = await first(
    ctx.db,
    kysely.selectFrom('annual_report_texts').select(['updated_at', 'updated_by']).where('year', '=', input.year).where('section', '=', input.section),
  );
  if (written) throw versionConflict(ctx, 'Teksten', await latestChange(ctx, [written]));
}

/**
 * Saves (or, when emptied, removes) one section's text, if nobody changed it since the editor read it.
 * The audit row names the section, not the words.
 */
export async function saveAnnualReportText(ctx: WriteContext, input: SaveInput): Promise<AnnualReportTextDto> {
  const { actor } = ctx;
  return transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { kysely } = tx;
    await claimText(txCtx, input);
    const now = ctx.clock.now();
    if (input.text === '') {
      await run(tx, kysely.deleteFrom('annual_report_texts').where('year', '=', input.year).where('section', '=', input.section));
    } else if (input.version === 0) {
      // An emptied text is deleted, so a text written again starts afresh: at the save's time in ms rather
      // than 1, so it never repeats a version an editor may still hold from the text before (A–B–A).
      const values = { year: input.year, section: input.section, text: input.text, updated_at: now.toISOString(), updated_by: actor.id };
      await run(tx, kysely.insertInto('annual_report_texts').values({ ...values, version: now.getTime() }));
    } else {
      // claimText raised the version and stamped who and when.
      await run(tx, kysely.updateTable('annual_report_texts').set({ text: input.text }).where('year', '=', input.year).where('section', '=', input.section));
    }
    await recordAudit(txCtx, 'update', 'annual_report_text', input.year, auditedFields('annual-report:save-text', [input.section]));
    return toDto(input.section, input.year, (await readRows(txCtx, input.year)).get(input.section));
  });
}
