import type { HandlersFor } from '../context';
import { deleteEvaluation, evaluationSummary, listEvaluations, registerEvaluation, updateEvaluation } from './evaluations';
import { generateDocument, listDocuments, regenerateDocument } from './generateDocument';
import { placeholderCatalogue } from './placeholders';
import { downloadTemplate, listTemplates, openTemplate, replaceTemplate, restoreDefaultTemplate } from './templateStore';

/** Document templates, generated documents and returned evaluation forms. */
export const documentsHandlers: HandlersFor<'templates' | 'documents' | 'evaluations'> = {
  'templates:list': listTemplates,
  'templates:placeholders': (_ctx, input) => placeholderCatalogue(input),
  'templates:download': downloadTemplate,
  'templates:open': openTemplate,
  'templates:replace': replaceTemplate,
  'templates:restore-default': restoreDefaultTemplate,
  'documents:list': listDocuments,
  'documents:generate': generateDocument,
  'documents:regenerate': regenerateDocument,
  'evaluations:list': listEvaluations,
  'evaluations:register': registerEvaluation,
  'evaluations:update': updateEvaluation,
  'evaluations:delete': deleteEvaluation,
  'evaluations:summary': evaluationSummary,
};
