/** import records: a practice export (CSV or FHIR R4) into the register, as one batch. */
import path from 'node:path';
import { formatUkDate } from '../../../shared/dates';
import { IMPORT_FORMATS, RECORD_KINDS, type ImportFormat, type ImportOutcome, type RecordKind } from '../../../shared/domain/imports';
import { importRecords } from '../../services/imports';
import { cliHint, CliError, EXIT, printJson, stringOption, withContext, type Command } from '../common';

function describe(outcome: ImportOutcome): string[] {
  const r = outcome.report;
  const s = outcome.summary;
  const lines = [
    `${outcome.dryRun ? 'Dry run (nothing stored)' : `Import ${r.batchId ?? ''}`.trim()}: ${outcome.fileName} read as ${r.kind} (${outcome.format.toUpperCase()}).`,
    `${r.read} read, ${r.accepted} accepted, ${r.unchanged} unchanged, ${outcome.rowCounts.rejected} rejected, ${outcome.rowCounts.unmatched} not on the register.`,
  ];
  if (s.homesCreated?.length) lines.push(`Care homes created: ${s.homesCreated.join(', ')} (check their details on the Homes screen).`);
  if (s.medicinesStopped) lines.push(`${s.medicinesStopped} medicines no longer in the practice list were marked stopped.`);
  if (s.listsKeptUnchanged?.length) lines.push(`Medication lists left unchanged because a row was rejected: ${s.listsKeptUnchanged.join(', ')}.`);
  if (s.unknownColumns?.length) lines.push(`Columns ignored: ${s.unknownColumns.join(', ')}.`);
  if (s.notOnRegister) lines.push(`${s.notOnRegister} resources are about patients not on the register (not added).`);
  const notUnderstood = Object.entries(s.notUnderstood ?? {});
  if (notUnderstood.length) lines.push(`Not understood: ${notUnderstood.map(([k, n]) => `${k} ×${n}`).join(', ')}.`);
  const skipped = Object.entries(s.skipped ?? {});
  if (skipped.length) lines.push(`Not imported: ${skipped.map(([k, n]) => `${k} ×${n}`).join('; ')}.`);
  for (const p of r.rejected.slice(0, 50)) lines.push(`  ${typeof p.line === 'number' ? 'line ' : ''}${p.line}: ${p.field ?? ''}${p.field ? ': ' : ''}${p.reason}`);
  if (r.rejected.length > 50) lines.push(`  … and ${r.rejected.length - 50} more problems`);
  for (const u of r.unmatched.slice(0, 20)) lines.push(`  line ${u.line}: NHS number ${u.nhsNumber} is not on the register`);
  if (r.unmatched.length > 20) lines.push(`  … and ${r.unmatched.length - 20} more rows not on the register`);
  return lines;
}

export const importRecordsCommand: Command = {
  name: 'import records',
  usage: [
    `import records FILE [--kind K] [--format ${IMPORT_FORMATS.join('|')}] [--dry-run] [--strict] [--force]`,
    '                                  import a practice export (CSV or FHIR R4); kinds: ' + RECORD_KINDS.join(', '),
  ],
  options: { kind: { type: 'string' }, format: { type: 'string' }, 'dry-run': { type: 'boolean' }, strict: { type: 'boolean' }, force: { type: 'boolean' } },
  run: async (values, positionals, io) => {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new CliError(`Name one file to import, e.g. ${cliHint(values, 'import records patients.csv')}`);
    const kind = stringOption(values, 'kind');
    if (kind !== undefined && !(RECORD_KINDS as readonly string[]).includes(kind)) throw new CliError(`--kind takes one of ${RECORD_KINDS.join(', ')}`);
    const format = stringOption(values, 'format');
    if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format takes ${IMPORT_FORMATS.join(' or ')}`);
    return withContext(values, io, async (ctx) => {
      const outcome = await importRecords(ctx, path.resolve(io.cwd, file), {
        kind: kind as RecordKind | undefined, format: format as ImportFormat | undefined, dryRun: values['dry-run'] === true, strict: values.strict === true, force: values.force === true,
      });
      if (outcome.previousImport) {
        io.err(`${outcome.fileName} was imported before (import ${outcome.previousImport.batchId}, ${formatUkDate(outcome.previousImport.importedAt.slice(0, 10))} ` +
          `${outcome.previousImport.importedAt.slice(11, 16)} UTC). Nothing was changed; add --force to import it again.`);
      }
      if (values.json) {
        const { batchId, kind: k, read, accepted, unchanged, rejected, unmatched } = outcome.report;
        printJson(io, { batchId, kind: k, read, accepted, unchanged, rejected, unmatched });
      } else if (!outcome.previousImport) {
        io.out(describe(outcome).join('\n'));
      }
      if (outcome.strictRefused) {
        io.err(`--strict: ${outcome.fileName} has rejected rows, so none of it was imported.`);
        return EXIT.inputRejected;
      }
      return EXIT.ok;
    }, { create: true }); // importing a practice's export may start a new database
  },
};
