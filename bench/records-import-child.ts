/** One timed import in its own process, so its peak RSS is its own: prints { ms, maxRssMb, report } as JSON. */
import { importRecords } from '../main/services/imports';
import { createContext } from '../main/services/context';
import { openStore } from '../main/store';

const [file, db] = process.argv.slice(2);
if (!file || !db) throw new Error('usage: records-import-child FILE DB');
const store = await openStore(db);
const ctx = createContext(store, { today: '2026-11-23', actor: { osUser: 'bench', staffId: null } });
const began = performance.now();
const outcome = await importRecords(ctx, file, { force: true });
const ms = performance.now() - began;
store.close();
process.stdout.write(JSON.stringify({
  ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  read: outcome.report.read, accepted: outcome.report.accepted, rejected: outcome.report.rejected.length,
}));
