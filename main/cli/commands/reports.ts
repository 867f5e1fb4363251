/** report, backup, restore: shared outcomes and the database's safety net from the command line. */
import path from 'node:path';
import { formatUkDate, isIsoDate, parseUkDate } from '../../../shared/dates';
import { createBackup, restoreBackup } from '../../services/backups';
import { periodText } from '../../services/reports';
import { cliHint, shellWord, call, CliError, EXIT, printJson, stringOption, withContext, type Command, type Values } from '../common';
import { formatTable } from '../table';
import { homeOption } from './register';

function dateOption(values: Values, name: string): string {
  const raw = stringOption(values, name);
  if (raw === undefined) throw new CliError(`--${name} is needed: the ${name === 'from' ? 'first' : 'last'} day of the period, as YYYY-MM-DD or dd/mm/yyyy`);
  const iso = isIsoDate(raw) ? raw : parseUkDate(raw);
  if (iso === null) throw new CliError(`--${name} takes a date as YYYY-MM-DD or dd/mm/yyyy, not “${raw}”`);
  return iso;
}

export const reportCommand: Command = {
  name: 'report',
  usage: [
    'report [--home NAME|ID] --from DATE --to DATE [--csv]',
    '                                  shared outcome figures for a home or the practice',
  ],
  options: { home: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'boolean', default: false } },
  run: async (values, _positionals, io) => {
    const from = dateOption(values, 'from');
    const to = dateOption(values, 'to');
    if (from > to) throw new CliError('--to must be the same day as --from or later');
    await withContext(values, io, async (ctx) => {
      const homeId = await homeOption(ctx, stringOption(values, 'home'), values);
      const input = { from, to, ...(homeId ? { homeId } : {}) };
      if (values.csv) return io.out((await call(ctx, 'reports:csv', input)).csv.trimEnd());
      const report = await call(ctx, 'reports:outcomes', input);
      if (values.json) return printJson(io, report);
      io.out(`Shared outcomes: ${report.scope.name}\n${periodText(report)} (produced ${formatUkDate(report.generatedOn)})\n`);
      io.out(formatTable(['Figure', 'Value', 'How counted'], report.scope.figures.map((f) => [f.label, f.display, f.howCounted])));
      for (const home of report.homes) {
        io.out(`\n${home.name}`);
        io.out(formatTable(['Figure', 'Value'], home.figures.map((f) => [f.label, f.display])));
      }
    });
  },
};

export const backupCommand: Command = {
  name: 'backup',
  usage: ['backup [--to FILE]                back up the database now (online backup, checked with quick_check; pg_dump on PostgreSQL)'],
  options: { to: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const to = stringOption(values, 'to');
    const info = await createBackup(ctx, 'manual', to === undefined ? undefined : path.resolve(io.cwd, to));
    if (values.json) return printJson(io, info);
    if (info.sharedDatabase) return io.out(`Saved a pg_dump of ${info.sharedDatabase.location} to ${info.file} (pg_restore reads it).\n${info.sharedDatabase.note}`);
    io.out(`Backed up to ${info.file}\nChecked: ${info.homes} care homes, ${info.residents} residents; quick_check ok.`);
  }),
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: ['restore FILE                      restore a backup; the current database is kept so the restore can be undone'],
  options: {},
  run: async (values, positionals, io) => {
    const [file] = positionals;
    if (file === undefined || positionals.length > 1) throw new CliError(`Name one backup file: ${cliHint(values, 'restore FILE')}`);
    await withContext(values, io, async (ctx) => {
      const result = await restoreBackup(ctx, path.resolve(io.cwd, file));
      if (values.json) return printJson(io, result);
      io.out(`Restored ${result.restoredFrom}: ${result.homes} care homes, ${result.residents} residents.\n` +
        `The database as it was before is kept as ${result.keptFile}.\nTo undo the restore: ${cliHint(values, `restore ${shellWord(result.keptFile)}`)}`);
    });
    return EXIT.ok;
  },
};
