import { z } from '../validation/zodNorwegian';
import { queryChannel } from './channel';

export interface CategoryDto {
  id: number;
  number: number;
  name: string;
  description: string;
  caseWork: boolean;
  retired: boolean;
}

export const categoryChannels = {
  // Reference lists hold no personal data; readable before anyone signs in.
  'categories:list': queryChannel<CategoryDto[]>()(z.strictObject({ includeRetired: z.boolean().optional() }), 'Hendelser (tidskategorier)', ['categories'], {
    anonymous: true,
  }),
} as const;
