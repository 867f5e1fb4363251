/** demo: the synthetic practice, in its own database. */
import path from 'node:path';
import { formatUkDate, todayInLondon } from '../../../shared/dates';
import { osActor } from '../../services/context';
import { createDemoPractice } from '../../services/demo';
import { cliHint, printJson, shellWord, stringOption, todayOption, type Command } from '../common';
import { isPostgresUrl, resolveDatabasePath } from '../../paths';
import { formatTable } from '../table';

export const demoCommand: Command = {
  name: 'demo',
  usage: ['demo [--db FILE|URL] [--out DIR]  create a synthetic demo practice (3 homes, about 60 residents),',
    '                                  plan next week’s rounds and print their agendas and letters'],
  options: { out: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const outDir = path.resolve(io.cwd, stringOption(values, 'out') ?? 'out');
    // --db, else ROUNDTABLE_DB (as every command), else its own file in the output folder (never the desktop app's)
    const db = stringOption(values, 'db') ?? (io.env.ROUNDTABLE_DB?.trim() || undefined);
    const file = db ? resolveDatabasePath(db, io.env, io.cwd) : path.join(outDir, 'demo.sqlite');
    const today = todayOption(values) ?? todayInLondon();
    const { summary, rounds } = await createDemoPractice(file, today, osActor(), path.join(outDir, 'practice-export'), outDir, io.env);
    if (values.json) return printJson(io, { ...summary, outDir, rounds });
    io.out([
      `Created the demo practice “${summary.practice}” (synthetic data only)${summary.replacedEarlierDemo ? ', replacing the earlier demo' : ''}.`,
      '',
      formatTable(['Care home', 'Residents'], summary.homes.map((h) => [h.name, h.residents])),
      '',
      `${summary.residents} residents, ${summary.representatives} representatives, ${summary.records.activeMedications} current medicines ` +
        `(${summary.records.medications} in all), ${summary.records.conditions} conditions, ${summary.records.events} clinical events, ` +
        `${summary.records.flags} care-home flags, ${summary.records.carePlans} care-plan entries, ${summary.records.reviews} past reviews.`,
      '',
      `Imported through the practice-records importers, from the export files in ${path.join(outDir, 'practice-export')}:`,
      formatTable(['File', 'Kind', 'Rows', 'Accepted', 'Rejected'], summary.imports.map((i) => [
        path.basename(i.file), i.kind, i.read, i.accepted, i.rejected])),
      '',
      'Next week’s rounds (agendas, letters and PDFs):',
      ...rounds.flatMap((r) => [
        `  ${r.home}, ${formatUkDate(r.date)}: round ${r.roundId}, ${r.residents} residents`,
        `    agenda: ${r.files.agenda.pdf ?? r.files.agenda.html}${r.files.agenda.pdf ? ` (and ${r.files.agenda.html})` : ''}`,
        ...r.files.letters.map((l) => `    letter to ${l.to}: ${l.pdf ?? l.html}`),
      ]),
      ...(rounds.find((r) => r.files.pdfProblem)?.files.pdfProblem ? [`  ${rounds.find((r) => r.files.pdfProblem)?.files.pdfProblem ?? ''}`] : []),
      '',
      `Database: ${summary.databasePath}`,
      `Output folder: ${outDir}`,
      `Look at it: ${db && isPostgresUrl(db) ? cliHint(values, 'residents') : `npm run cli -- residents --db ${shellWord(shortPath(io.cwd, summary.databasePath))}`}`,
    ].join('\n'));
  },
};

/** The path relative to the working folder when it lies inside it, else the full path. */
function shortPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
