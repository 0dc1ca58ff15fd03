import { entryOf } from '../validation/fieldLabels';
import { ANNUAL_REPORT_SECTIONS } from './annualReport';
import { TEMPLATE_KIND_LABEL } from './documents';
import { EVALUATION_GROUPS, EVALUATION_QUESTIONS } from './evaluationForm';

/**
 * What the audit log's «Felt som ble endret» shows for each name an audit row gives. Most are contract
 * fields and read the forms' own registry (fieldLabels.ts); a few writes name an item of a domain list
 * instead: a document by its kind, an annual report text by its section, an evaluation by its question.
 */
const DOMAIN_NAMES: Readonly<Record<string, string>> = {
  ...TEMPLATE_KIND_LABEL,
  ...Object.fromEntries(ANNUAL_REPORT_SECTIONS.map((s) => [s.key, `Kapittel «${s.heading}»`])),
  ...Object.fromEntries(
    EVALUATION_QUESTIONS.map((q) => {
      const group = 'group' in q && q.group ? `${EVALUATION_GROUPS[q.group].replace(/:$/, '')} ` : '';
      return [q.id, `Spørsmål «${group}${q.text.replace(/[.?]$/, '')}»`];
    }),
  ),
};

export function hasAuditedFieldLabel(name: string): boolean {
  return entryOf(name) !== undefined || Object.prototype.hasOwnProperty.call(DOMAIN_NAMES, name);
}

/** One audited field name in the user's words; a name nobody has labelled yet is not shown raw. */
export function auditedFieldLabel(name: string): string {
  if (Object.prototype.hasOwnProperty.call(DOMAIN_NAMES, name)) return DOMAIN_NAMES[name]!;
  return entryOf(name)?.label ?? 'Annet felt';
}
