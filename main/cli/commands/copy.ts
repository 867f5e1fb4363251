/** copy: moves a practice's whole database between a SQLite file and a shared PostgreSQL database. */
import { copyDatabase } from '../../services/copy';
import { osActor } from '../../services/context';
import { resolveDatabasePath } from '../../paths';
import { CliError, printJson, stringOption, type Command } from '../common';

export const copyCommand: Command = {
  name: 'copy',
  usage: ['copy --from FILE|URL --to URL|FILE    copy the whole database (e.g. a SQLite file into an empty PostgreSQL database), checked by counts per table'],
  options: { from: { type: 'string' }, to: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const fromOption = stringOption(values, 'from');
    const toOption = stringOption(values, 'to');
    if (fromOption === undefined || toOption === undefined) {
      throw new CliError('Name both databases: npm run cli -- copy --from roundtable.sqlite --to postgres://user@server/roundtable');
    }
    const from = resolveDatabasePath(fromOption, {}, io.cwd);
    const to = resolveDatabasePath(toOption, {}, io.cwd);
    const result = await copyDatabase(from, to, osActor());
    if (values.json) return printJson(io, result);
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    io.out(`Copied ${result.from} into ${result.to}: ${total} rows in ${Object.keys(result.counts).length} tables, ` +
      `${result.counts.care_home ?? 0} care homes and ${result.counts.resident ?? 0} residents; every table's count matches.`);
  },
};
