/**
 * A process that starts the throwaway PostgreSQL, prints its URL and its folder, then waits to
 * be ended (tests/store/postgres-cluster.test.ts sends it SIGTERM, SIGINT or SIGKILL and checks that
 * nothing is left behind). With `--stop` it stops the server itself and exits.
 */
import { startThrowawayPostgres } from './postgres';

const cluster = await startThrowawayPostgres();
process.stdout.write(`READY ${cluster.url} ${cluster.dir}\n`);
if (process.argv.includes('--stop')) {
  cluster.stop();
  process.stdout.write('STOPPED\n');
} else {
  setInterval(() => undefined, 60_000);
}
