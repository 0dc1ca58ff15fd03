import type { ChannelParsedInput } from '@shared/contract';
import { placeholdersFor, TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from '@shared/domain/templatePlaceholders';

/** The catalogue as the Maler section lists it: for one kind, or every placeholder. */
export function placeholderCatalogue(input: ChannelParsedInput<'templates:placeholders'>): TemplatePlaceholder[] {
  const list = input.kind ? placeholdersFor(input.kind) : (TEMPLATE_PLACEHOLDERS as readonly TemplatePlaceholder[]);
  return list.map((p) => ({ ...p, kinds: [...p.kinds], requiredIn: [...p.requiredIn], fields: p.fields?.map((f) => ({ ...f })) }));
}
