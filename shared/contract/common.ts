import { z } from '../validation/zodNorwegian';
import { isIsoDate } from '../dates';

export const idSchema = z.number().int().positive();

/**
 * The version of a record the client read (migration 0013). An update or delete sends it back; the
 * service refuses with `conflict` when someone else has saved the record since, so nothing is overwritten
 * unseen on a database the team shares.
 */
export const versionSchema = z.number().int().positive();

/** Spread into an update's input: `{ id, version, …fields }`. */
export const versionField = { version: versionSchema };

/** The input of a delete: the record and the version the client read. */
export const versionedIdInput = z.strictObject({ id: idSchema, version: versionSchema });

// No message of its own: the error map names the field («Startdato må være en gyldig dato»).
export const isoDateSchema = z.string().max(10).refine(isIsoDate);

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
