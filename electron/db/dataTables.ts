import type { DataTable } from '@shared/domain/dataTables';
import type { DB } from './schema';

/**
 * The contract names tables through shared/domain/dataTables.ts, which cannot see the schema. These two
 * lines fail the type check when a table is in the schema and not in the list, or the other way round.
 */
export const EVERY_SCHEMA_TABLE_IS_LISTED: Exclude<keyof DB, DataTable> extends never ? true : never = true;
export const EVERY_LISTED_TABLE_IS_IN_THE_SCHEMA: Exclude<DataTable, keyof DB> extends never ? true : never = true;
