/**
 * A second Roundtable process for the two-process tests: opens the database named on the command line and
 * keeps it open, answering lines on stdin ("add NAME" adds a care home; "close" closes and exits) and
 * printing "ready", "added ID" or "error MESSAGE" on stdout.
 */
import { createInterface } from 'node:readline';
import { openStore } from '../../../main/store';
import { careHomeInput } from '../../../shared/domain/register';
import { sampleHome } from '../../helpers/tempStore';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: hold-open.ts DATABASE');
const store = await openStore(file, { mustExist: true, program: 'a test process' });
const actor = { osUser: 'second-process', staffId: null };
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, ...rest] = line.trim().split(' ');
  if (command === 'close') break;
  if (command === 'add') {
    try {
      const home = await store.homes.create(actor, careHomeInput.parse({ ...sampleHome, name: rest.join(' '), cqcLocationId: '' }));
      process.stdout.write(`added ${home.id}\n`);
    } catch (error) {
      process.stdout.write(`error ${(error as Error).message}\n`);
    }
  }
}
store.close();
