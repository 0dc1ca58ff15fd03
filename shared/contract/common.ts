import { z } from '../validation/zodNorwegian';
import { isIsoDate } from '../dates';

export const idSchema = z.number().int().positive();

export const isoDateSchema = z.string().max(10).refine(isIsoDate, { message: 'Datoen er ikke en gyldig dato' });

export const yearSchema = z.number().int().min(2000).max(2100);

/** Short codes and names of staff; free text about users does not exist in this slice. */
export const shortText = (max: number) => z.string().trim().min(1).max(max);

export const emptyInput = z.strictObject({});

export const sortDirectionSchema = z.enum(['asc', 'desc']);

/** A file handed to the renderer to save or open (generated documents, exports). */
export interface FileDto {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}
