/** Import batches: what an import of a practice export (or a care-home file) did, row by row. */

export const IMPORT_FORMATS = ['csv', 'fhir'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * The kinds of record a practice export brings in: the one list. The CLI's help and --kind check, the
 * channels' schema, the Import screen's choices and the header detection all derive from it
 * (tests/unit/record-kinds.test.ts fails when a place lists its own).
 */
export const RECORD_KINDS = ['patients', 'medications', 'conditions', 'events', 'acp', 'reviews', 'representatives', 'results'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface ImportBatchInfo {
  id: number;
  kind: string;
  format: string;
  fileName: string;
  sha256: string;
  importedAt: string;
  importedBy: string;
  read: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  unmatched: number;
  summary: ImportSummary;
}

export interface ImportProblemInfo {
  /** The file line (CSV) or the resource (FHIR, e.g. "MedicationStatement/abc" or "line 12"). */
  line: string;
  field: string | null;
  reason: string;
  kind: 'rejected' | 'unmatched' | 'warning';
  nhsNumber: string | null;
}

/** The parts of a batch's report beyond the counts (stored as the batch's summary JSON). */
export interface ImportSummary {
  unmatched?: number;
  unknownColumns?: string[];
  homesCreated?: string[];
  residentsAdded?: number;
  residentsUpdated?: number;
  medicinesStopped?: number;
  /** Patients whose medication list was left untouched because one of their rows was rejected. */
  listsKeptUnchanged?: string[];
  /** FHIR: resources read, by type. */
  resources?: Record<string, number>;
  /** FHIR: resource types not understood, with how many of each. */
  notUnderstood?: Record<string, number>;
  /** FHIR: resources about patients who are not on the register (counted, not listed). */
  notOnRegister?: number;
  /** FHIR: resources understood but deliberately not imported, by reason (e.g. inactive conditions). */
  skipped?: Record<string, number>;
  dryRun?: boolean;
}

/** What an import reports back (the CLI's --json prints the first seven keys exactly). */
export interface ImportReport {
  batchId: number | null;
  kind: string;
  read: number;
  accepted: number;
  unchanged: number;
  rejected: { line: number | string; field: string | null; reason: string }[];
  unmatched: { line: number | string; nhsNumber: string }[];
}

export interface ImportOutcome {
  report: ImportReport;
  format: 'csv' | 'fhir';
  fileName: string;
  sha256: string;
  summary: ImportSummary;
  /** True when nothing was stored: a dry run, a --strict refusal or an earlier import of the same file. */
  stored: boolean;
  dryRun: boolean;
  /** Set when the same file (same SHA-256) was imported before and --force was not given: nothing was done. */
  previousImport: { batchId: number; importedAt: string } | null;
  /** The latest earlier import of the same file, whether or not it was imported again. */
  importedBefore: { batchId: number; importedAt: string } | null;
  /** How many rows were rejected and unmatched (the report's lists stop at 20,000 entries; the batch keeps them all). */
  rowCounts: { rejected: number; unmatched: number };
  /** Set when --strict refused the file because of bad rows. */
  strictRefused: boolean;
}
