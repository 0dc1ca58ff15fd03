import type { TemplateRefusal } from './templateRefusals';

/** What the main thread sends the template worker: a copy of the uploaded bytes. */
export interface TemplateCheckRequest {
  bytes: Uint8Array;
}

/**
 * The worker's one answer. `checked` carries the .docx rebuilt from the checked parts (what gets stored)
 * and its placeholder names; `unparsable` the template library's error class name, translated in main.
 */
export type TemplateCheckMessage =
  { type: 'checked'; names: string[]; content: Uint8Array } | { type: 'unparsable'; errorName: string } | { type: 'refused'; refusal: TemplateRefusal };
