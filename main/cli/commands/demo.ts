/** demo: the synthetic practice, in its own database. */
import path from 'node:path';
import { todayInLondon } from '../../../shared/dates';
import { osActor } from '../../services/context';
import { createDemoDatabase } from '../../services/demo';
import { printJson, stringOption, todayOption, type Command } from '../common';
import { formatTable } from '../table';

export const demoCommand: Command = {
  name: 'demo',
  usage: ['demo [--db FILE] [--out DIR]      create a synthetic demo practice (3 homes, about 60 residents)'],
  options: { out: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const outDir = path.resolve(io.cwd, stringOption(values, 'out') ?? 'out');
    const db = stringOption(values, 'db');
    const file = db ? path.resolve(io.cwd, db) : path.join(outDir, 'demo.sqlite');
    const today = todayOption(values) ?? todayInLondon();
    const { store, summary } = await createDemoDatabase(file, today, osActor(), path.join(outDir, 'practice-export'));
    store.close();
    if (values.json) return printJson(io, { ...summary, outDir });
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
      `Database: ${summary.databasePath}`,
      `Output folder: ${outDir}`,
      `Look at it: npm run cli -- residents --db ${path.relative(io.cwd, summary.databasePath) || summary.databasePath}`,
    ].join('\n'));
  },
};
