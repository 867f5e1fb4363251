/**
 * Importing practice records (CSV exports and FHIR R4): one import = one transaction = one ImportBatch.
 * The file is streamed; every row ends accepted, unchanged, rejected (with line, field and reason) or
 * unmatched. A file that cannot be read as any kind is rejected whole and nothing is written.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportBatchInfo, ImportFormat, ImportOutcome, ImportProblemInfo, ImportReport, ImportSummary } from '../../shared/domain/imports';
import { AppError } from '../../shared/errors';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { CsvFormatError, readCsvRecords } from '../imports/csv';
import { csvLine } from '../imports/csvWrite';
import { sha256File } from '../imports/hash';
import { mapResource, type FhirMapping } from '../imports/records/fhir';
import {
  detectKind, headerLooksLikeData, KIND_FIELDS, matchHeaders, readRow, type RecordKind, type RecordRow,
} from '../imports/records/kinds';
import { FileRejected, openFhir, progressStream, sniffFormat, type FhirReader } from '../imports/records/sources';
import type { BatchCounts, ImportSession } from '../store';
import { importSettings } from '../../shared/ipc/imports';
import type { AppContext } from './context';
import { checkInput } from './validate';

export interface ImportOptions {
  kind?: RecordKind | undefined;
  format?: ImportFormat | undefined;
  dryRun?: boolean | undefined;
  strict?: boolean | undefined;
  force?: boolean | undefined;
  /** Called as the file is read (bytes so far, of total). */
  onProgress?: ((progress: { bytesRead: number; totalBytes: number; rows: number }) => void) | undefined;
}

/** Problems kept in memory for the report; every one is also stored with the batch. */
const REPORT_LIMIT = 20_000;

function rejectFile(message: string): never {
  throw new AppError('IMPORT_REJECTED', message);
}

class Tally {
  readonly counts: BatchCounts = { read: 0, accepted: 0, unchanged: 0, rejected: 0, unmatched: 0 };
  readonly report: Pick<ImportReport, 'rejected' | 'unmatched'> = { rejected: [], unmatched: [] };
  constructor(private readonly session: ImportSession) {}

  async reject(line: number | string, nhsNumber: string | null, problems: { field: string | null; reason: string }[]): Promise<void> {
    this.counts.rejected++;
    for (const p of problems) {
      await this.session.problem({ line: String(line), field: p.field, reason: p.reason, kind: 'rejected', nhsNumber });
      if (this.report.rejected.length < REPORT_LIMIT) this.report.rejected.push({ line, field: p.field, reason: p.reason });
    }
  }
  async unmatched(line: number | string, nhsNumber: string): Promise<void> {
    this.counts.unmatched++;
    await this.session.problem({ line: String(line), field: 'nhs_number', reason: `NHS number ${formatNhsNumber(nhsNumber)} is not on the register`, kind: 'unmatched', nhsNumber });
    if (this.report.unmatched.length < REPORT_LIMIT) this.report.unmatched.push({ line, nhsNumber });
  }
}

/** Writes one clinical row for a resident on the register. */
async function applyRow(session: ImportSession, residentId: number, row: RecordRow, medicinesAsCurrentList: boolean): Promise<'accepted' | 'unchanged'> {
  const w = session.writer;
  switch (row.kind) {
    case 'medications': return w.medication(residentId, row, medicinesAsCurrentList);
    case 'conditions': return w.condition(residentId, row);
    case 'events': return w.event(residentId, row);
    case 'acp': return w.carePlan(residentId, row);
    case 'reviews': return w.review(residentId, row);
    case 'representatives': return w.representative(residentId, row);
    case 'results': return w.result(residentId, row);
    case 'patients': throw new Error('patients rows are written by writer.patient');
  }
}

/** The header row of a CSV file and the kind it declares. */
async function readCsvHeader(file: string, forced: RecordKind | undefined): Promise<{ kind: RecordKind; headers: string[] }> {
  let headers: string[] | null = null;
  try {
    for await (const record of readCsvRecords(file)) {
      headers = record.values;
      break;
    }
  } catch (error) {
    rejectFile(error instanceof CsvFormatError ? error.message : `The file cannot be read: ${(error as Error).message}`);
  }
  if (headers === null) rejectFile('The file is empty: it has no header row and no records.');
  if (forced) {
    const match = matchHeaders(headers, KIND_FIELDS[forced]);
    if (match.missing.length > 0) rejectFile(`The file has no ${match.missing.join(', ')} column, which a ${forced} file needs. Columns found: ${headers.slice(0, 20).join(', ')}.`);
    return { kind: forced, headers };
  }
  const detected = detectKind(headers);
  if (!detected.ok) {
    rejectFile(headerLooksLikeData(headers)
      ? 'The first row holds data, not column names: the file needs a header row (e.g. "NHS Number,Medication,Dose").'
      : detected.reason);
  }
  const missing = matchHeaders(headers, KIND_FIELDS[detected.kind]).missing;
  if (missing.length > 0) rejectFile(`This looks like a ${detected.kind} file but has no ${missing.join(', ')} column.`);
  return { kind: detected.kind, headers };
}

export async function importRecords(ctx: AppContext, file: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { onProgress, ...settings } = options;
  checkInput(importSettings, Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)));
  if (typeof file !== 'string' || file.trim() === '') throw new AppError('INVALID_INPUT', 'Choose a file to import');
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new AppError('INVALID_INPUT', 'The progress report is not a function');
  if (!existsSync(file) || !statSync(file).isFile()) throw new AppError('NOT_FOUND', `There is no file at ${file}`);
  const totalBytes = statSync(file).size;
  const fileName = path.basename(file);
  const sha256 = await sha256File(file);
  const format: ImportFormat = options.format ?? sniffFormat(file);
  const dryRun = options.dryRun === true;

  const previousBatch = await ctx.store.imports.findBySha(sha256);
  const importedBefore = previousBatch ? { batchId: previousBatch.id, importedAt: previousBatch.importedAt } : null;
  const base = { format, fileName, sha256, dryRun, importedBefore };
  if (!options.force && previousBatch) {
    return {
      ...base, stored: false, strictRefused: false, previousImport: importedBefore, summary: previousBatch.summary, rowCounts: { rejected: 0, unmatched: 0 },
      report: { batchId: null, kind: previousBatch.kind, read: 0, accepted: 0, unchanged: 0, rejected: [], unmatched: [] },
    };
  }
  if (format === 'fhir' && options.kind) throw new AppError('INVALID_INPUT', 'A FHIR file says what each resource is: --kind is for CSV files only');

  let rows = 0;
  let lastBytes = 0;
  const progress = (bytesRead: number) => {
    lastBytes = bytesRead;
    options.onProgress?.({ bytesRead, totalBytes, rows });
  };
  const tick = () => {
    if (rows % 1000 === 0) options.onProgress?.({ bytesRead: lastBytes, totalBytes, rows });
  };
  const meta = { kind: options.kind ?? 'unknown', format, fileName, sha256, importedBy: ctx.actor.osUser };
  const runOptions = { today: ctx.today(), source: format === 'fhir' ? 'fhir-import' : 'csv-import' };

  const finishOutcome = async (session: ImportSession, tally: Tally, kind: string, summary: ImportSummary) => {
    options.onProgress?.({ bytesRead: totalBytes, totalBytes, rows });
    const refused = options.strict === true && tally.counts.rejected > 0;
    if (dryRun) summary.dryRun = true;
    await session.writer.flush();
    await session.finish(kind, tally.counts, summary);
    const outcome: ImportOutcome = {
      ...base, stored: !dryRun && !refused, strictRefused: refused, previousImport: null, summary,
      rowCounts: { rejected: tally.counts.rejected, unmatched: tally.counts.unmatched },
      report: {
        batchId: dryRun || refused ? null : session.batchId, kind, read: tally.counts.read, accepted: tally.counts.accepted,
        unchanged: tally.counts.unchanged, ...tally.report,
      },
    };
    return { value: outcome, keep: outcome.stored };
  };

  if (format === 'csv') {
    const { kind, headers } = await readCsvHeader(file, options.kind);
    const match = matchHeaders(headers, KIND_FIELDS[kind]);
    return ctx.store.imports.run(ctx.actor, { ...meta, kind }, runOptions, async (session) => {
      /** One pass over the file; held: patients whose medication rows must not be applied. */
      const pass = async (held: ReadonlySet<string>) => {
        const tally = new Tally(session);
        const summary: ImportSummary = { unknownColumns: match.unknown, homesCreated: [], residentsAdded: 0, residentsUpdated: 0 };
        const bad = new Set<string>();
        let first = true;
        rows = 0;
        try {
          for await (const record of readCsvRecords(progressStream(file, progress))) {
            if (first) { first = false; continue; }
            rows++;
            tick();
            tally.counts.read++;
            const result = readRow(kind, record.values, match);
            if (!result.ok) {
              if (result.nhsNumber) bad.add(result.nhsNumber);
              await tally.reject(record.line, result.nhsNumber, result.problems);
              continue;
            }
            const row = result.row;
            if (row.kind === 'patients') {
              const outcome = await session.writer.patient(row);
              if (!outcome.ok) {
                await tally.reject(record.line, row.nhsNumber, [{ field: outcome.field, reason: outcome.reason }]);
                continue;
              }
              tally.counts[outcome.outcome]++;
              if (outcome.homeCreated) summary.homesCreated?.push(outcome.homeCreated);
              if (outcome.residentAdded) summary.residentsAdded = (summary.residentsAdded ?? 0) + 1;
              else if (outcome.outcome === 'accepted') summary.residentsUpdated = (summary.residentsUpdated ?? 0) + 1;
              continue;
            }
            if (held.has(row.nhsNumber)) {
              await tally.reject(record.line, row.nhsNumber, [{ field: 'nhs_number', reason:
                `not applied: another row for NHS number ${formatNhsNumber(row.nhsNumber)} was rejected, so their medication list is left as it was` }]);
              continue;
            }
            const residentId = await session.writer.residentId(row.nhsNumber);
            if (residentId === null) {
              await tally.unmatched(record.line, row.nhsNumber);
              continue;
            }
            tally.counts[await applyRow(session, residentId, row, true)]++;
          }
        } catch (error) {
          if (error instanceof CsvFormatError) rejectFile(`${fileName}: ${error.message}. Nothing was imported.`);
          throw error;
        }
        return { tally, summary, bad };
      };

      // A medications file is each patient's current list, so a patient with any bad row must keep their
      // list untouched. Most files have none: one pass. Otherwise the pass is undone (a savepoint) and run
      // again holding back those patients' rows.
      const undo = await session.mark();
      let result = await pass(new Set());
      if (kind === 'medications' && result.bad.size > 0) {
        await undo();
        result = await pass(result.bad);
      }
      const { tally, summary } = result;
      if (kind === 'medications') {
        summary.medicinesStopped = await session.writer.stopMissingMedicines();
        summary.listsKeptUnchanged = [...result.bad].map(formatNhsNumber);
      }
      summary.unmatched = tally.counts.unmatched;
      return finishOutcome(session, tally, kind, summary);
    });
  }

  let reader: FhirReader;
  try {
    reader = await openFhir(file);
  } catch (error) {
    if (error instanceof FileRejected) rejectFile(error.message);
    throw error;
  }
  return ctx.store.imports.run(ctx.actor, { ...meta, kind: 'fhir' }, runOptions, async (session) => {
    const tally = new Tally(session);
    const summary: ImportSummary = { resources: {}, notUnderstood: {}, notOnRegister: 0, skipped: {} };
    let understood = 0;
    for await (const item of reader.items(progress)) {
      rows++;
      tick();
      tally.counts.read++;
      if (!item.resource) {
        await tally.reject(item.label, null, [{ field: null, reason: item.error ?? 'not a resource' }]);
        continue;
      }
      const type = String(item.resource.resourceType).slice(0, 60);
      summary.resources![type] = (summary.resources![type] ?? 0) + 1;
      let mapping: FhirMapping;
      try {
        mapping = mapResource(item.resource, reader.index);
      } catch (error) {
        mapping = { type: 'rejected', problems: [{ field: 'resource', reason: `the resource cannot be read (${(error as Error).message.slice(0, 120)})` }] };
      }
      switch (mapping.type) {
        case 'patient': {
          understood++;
          const onRegister = mapping.nhsNumber !== null && await session.writer.residentId(mapping.nhsNumber) !== null;
          if (onRegister) tally.counts.unchanged++;
          else summary.notOnRegister!++;
          break;
        }
        case 'reference-only':
          understood++;
          tally.counts.unchanged++;
          break;
        case 'skip':
          understood++;
          summary.skipped![mapping.reason] = (summary.skipped![mapping.reason] ?? 0) + 1;
          break;
        case 'not-understood':
          summary.notUnderstood![mapping.reason] = (summary.notUnderstood![mapping.reason] ?? 0) + 1;
          break;
        case 'rejected':
          understood++;
          await tally.reject(item.label, null, mapping.problems);
          break;
        case 'rows': {
          understood++;
          if (!mapping.subject.ok) {
            await tally.reject(item.label, null, [{ field: 'subject', reason: mapping.subject.reason }]);
            break;
          }
          const nhsNumber = mapping.subject.nhsNumber;
          const residentId = nhsNumber === null ? null : await session.writer.residentId(nhsNumber);
          if (residentId === null) {
            summary.notOnRegister!++;
            break;
          }
          let outcome: 'accepted' | 'unchanged' = 'unchanged';
          for (const row of mapping.rows) {
            if (await applyRow(session, residentId, { ...row, nhsNumber: nhsNumber! } as RecordRow, false) === 'accepted') outcome = 'accepted';
          }
          tally.counts[outcome]++;
          break;
        }
      }
    }
    if (understood === 0 && tally.counts.read > 0 && tally.counts.rejected === tally.counts.read) {
      rejectFile(`${fileName} holds nothing Roundtable can read as FHIR resources. Nothing was imported.`);
    }
    return finishOutcome(session, tally, 'fhir', summary);
  });
}

/** The import history, newest first. */
export function listImports(ctx: AppContext, limit = 100): Promise<ImportBatchInfo[]> {
  return ctx.store.imports.list(limit);
}

/** Every rejected and unmatched row of one import. */
export async function importProblems(ctx: AppContext, batchId: number): Promise<ImportProblemInfo[]> {
  const batch = await ctx.store.imports.get(batchId);
  return ctx.store.imports.problems(batch.id);
}

/** Writes an import's rejected and unmatched rows as CSV (for correcting them in the source system). */
export async function exportProblems(ctx: AppContext, batchId: number, file: string): Promise<{ path: string; rows: number }> {
  const problems = await importProblems(ctx, batchId);
  const lines = ['line,field,problem,reason,nhs_number', ...problems.map((p) => csvLine([p.line, p.field, p.kind, p.reason, p.nhsNumber]))];
  try {
    writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  } catch (error) {
    throw new AppError('INVALID_INPUT', `The file ${file} cannot be written: ${(error as Error).message}`);
  }
  return { path: file, rows: problems.length };
}
