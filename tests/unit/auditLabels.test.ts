import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type ChannelName } from '@shared/contract';
import type { AuditedField } from '@shared/contract/auditedFields';
import { AUDIT_RECORD_TYPE_LABEL, auditRecordLabel } from '@shared/domain/audit';
import { auditedFieldLabel, hasAuditedFieldLabel } from '@shared/domain/auditFieldLabels';
import type { AnnualReportSection } from '@shared/domain/annualReport';
import type { TemplateKind } from '@shared/domain/documents';
import type { EvaluationQuestionId } from '@shared/domain/evaluationForm';
import type { LabelledField } from '@shared/validation/fieldLabels';
import { REDUCTION_RULES } from '../../electron/services/retention/rules';

/**
 * Revisjonslogg shows the field names an audit row gives and the kind of record it is about. Every such
 * name must have a Norwegian label, or the log shows riskAssessedBy, bandRates or egne_mal to the team.
 */

/** Every name any channel's audit row may give (compile-time union), as a runtime list the compiler checks. */
type Audited = { [C in ChannelName]: AuditedField<C> }[ChannelName];
/** The names retention gives are `table` or `table.column`; they are checked at run time below. */
type RetentionKey = `${string}.${string}` | (typeof REDUCTION_RULES)[number]['key'];

/** What the registries label: the forms' fields and the domain lists an audit row may name an item of. */
type Labelled = LabelledField | TemplateKind | AnnualReportSection | EvaluationQuestionId;
/**
 * The compiler's check: this line stops compiling (naming the field) as soon as a channel can audit a
 * name that has no label.
 */
// Per channel: the union of all channels' names at once widens to string, which would hide a missing one.
// A channel with an empty input has `string` as its names (keyof Record<string, never>); it audits none.
type Named<C extends ChannelName> = string extends AuditedField<C> ? never : AuditedField<C>;
type Unlabelled = { [C in ChannelName]: Exclude<Named<C>, Labelled | RetentionKey> }[ChannelName];
const unlabelled: [Unlabelled] extends [never] ? 'none' : Unlabelled = 'none';

/** Field names of every channel's input, at any depth, walked at run time. */
function inputFieldNames(): Set<string> {
  const names = new Set<string>();
  const visit = (schema: z.ZodType, depth: number): void => {
    if (depth > 8) return;
    const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (def.type === 'object') {
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        names.add(key);
        visit(field, depth + 1);
      }
    }
    for (const inner of [def.innerType, def.in, def.out, def.element] as (z.ZodType | undefined)[]) if (inner) visit(inner, depth + 1);
    for (const option of (def.options ?? def.items ?? []) as z.ZodType[]) visit(option, depth + 1);
  };
  for (const definition of Object.values(contract)) visit(definition.input as z.ZodType, 0);
  return names;
}

/** The names the contract adds for what a write sets itself (not in any input). */
const ALSO_AUDITED = [
  'status',
  'rejectedDate',
  'institutionFrom',
  'afterContactDate',
  'riskAssessmentDate',
  'riskAssessedBy',
  'riskAssessmentDone',
  'domainRatings',
] as const satisfies readonly Audited[];

describe('audit log labels', () => {
  it('cover every field name an audit row can give (checked by the compiler)', () => {
    expect(unlabelled).toBe('none');
    // The same at run time, for what the types cannot list: every input field, at any depth, and retention's names.
    const names = [...inputFieldNames(), ...ALSO_AUDITED, ...REDUCTION_RULES.map((rule) => rule.key)];
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name) => !hasAuditedFieldLabel(name))).toEqual([]);
  });

  it('show the names the issue found in English in Norwegian', () => {
    const shown = ['riskAssessedBy', 'bandRates', 'hourlyRate', 'minutes', 'consentToContact', 'egne_mal', 'closure-report'].map(auditedFieldLabel);
    expect(shown).toEqual([
      'Vurdert av',
      'Satser per innbyggertrinn',
      'Timepris',
      'Tidsbruk',
      'Samtykke til kontakt',
      'Spørsmål «Det var mine egne mål vi jobbet ut fra»',
      'Avslutningsrapport',
    ]);
    for (const label of shown) expect(label).not.toMatch(/[a-z][A-Z]|_|-[a-z]/);
  });

  it('never show an unlabelled name raw', () => {
    expect(auditedFieldLabel('someFutureField')).toBe('Annet felt');
  });

  it('name every kind of record in Norwegian, and a year as a year', () => {
    for (const label of Object.values(AUDIT_RECORD_TYPE_LABEL)) expect(label).toMatch(/^\p{Lu}[\p{L} ]+$/u);
    expect(auditRecordLabel({ recordType: 'cost_share', recordId: '2025', caseCode: null })).toBe('Kostnadsfordeling 2025');
    expect(auditRecordLabel({ recordType: 'annual_report', recordId: '2025', caseCode: null })).toBe('Årsrapport 2025');
    expect(auditRecordLabel({ recordType: 'case', recordId: '7', caseCode: '02/20-ST' })).toBe('Sak 02/20-ST');
    expect(auditRecordLabel({ recordType: 'case_goal', recordId: '12', caseCode: null })).toBe('Mål nr. 12');
  });
});
