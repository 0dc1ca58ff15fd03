import type { EvaluationSummaryDto, StatisticsTableDto, TableValue } from '../contract';
import { EVALUATION_SCALE } from '../domain/evaluationForm';
import { published } from './caseTables';

/**
 * The year's returned evaluation forms as a table: one row per question, how many answered, how many gave each
 * scale value, and the mean. The summary has already applied the disclosure-control rule, so hidden counts and
 * means arrive as the label. No total row: the same form answers every question.
 */
export function evaluationSummaryTable(dto: EvaluationSummaryDto): StatisticsTableDto<TableValue> {
  return {
    title: `Brukerevalueringer ${dto.year}: svar per spørsmål`,
    rowHeader: 'Spørsmål',
    columns: [
      { key: 'answered', label: 'Svarte', measure: 'answers', total: false },
      ...EVALUATION_SCALE.map((s) => ({ key: `value-${s.value}`, label: `${s.value} ${s.label.toLowerCase()}`, measure: 'answers' as const, total: false })),
      { key: 'mean', label: 'Snitt', measure: 'scaleMean', total: false },
    ],
    rows: dto.questions.map((q) => ({
      key: q.questionId,
      label: q.text,
      values: [published(q.answered), ...q.distribution.map((d) => published(d.count)), published(q.mean)],
    })),
    totalRow: null,
  };
}
