/**
 * Limits for reading a file someone picked. An .xlsx is a zip of XML: a few kilobytes can claim (or
 * really inflate to) gigabytes, and a sheet can hold a million rows. A real time sheet of 100,000 rows
 * is about 3 MB zipped and 25 MB unzipped, so these leave a wide margin while keeping memory bounded.
 */
export const READ_LIMITS = {
  /** Real bytes inflated, all entries together, counted while streaming — not the sizes the zip claims. */
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxEntries: 2_000,
  /** Excel's own maximum rows per sheet, over all sheets together. */
  maxRows: 1_048_576,
  /** One cell's text is cut here: no heading or value the import understands is longer. */
  maxCellChars: 200,
  /** How many rows from the top are searched for the heading row. */
  headerSearchRows: 30,
} as const;

/** The worker that reads the file: its heap is capped and it is stopped when it takes too long. */
export const WORKER_LIMITS = {
  resourceLimits: { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 },
  timeLimitMs: 60_000,
} as const;

/** Parsed files kept for the preview, and for how long: the user may look away before pressing «Importer». */
export const JOB_LIMITS = { maxJobs: 4, maxAgeMs: 60 * 60 * 1000 } as const;

export const IMPORT_HEADERS = ['sak', 'dato', 'kommune', 'hendelse', 'tidsbruk'] as const;
export type ImportColumn = (typeof IMPORT_HEADERS)[number];
