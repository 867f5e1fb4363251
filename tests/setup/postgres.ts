/**
 * A throwaway PostgreSQL for the test run: a fresh cluster made with Debian's own binaries in a temporary
 * folder, listening only on 127.0.0.1 on a free port, trust authentication, its unix socket inside that
 * folder. It is ALWAYS stopped and its folder removed: by the returned `stop()`, on process exit, on
 * SIGINT/SIGTERM, and by a small watchdog if this process dies without running any of them (SIGKILL).
 * No server is ever left running and none is reused.
 *
 * Set ROUNDTABLE_TEST_PG to a server's base URL (postgres://user@host:port/postgres, a superuser) to use
 * that server instead of starting one.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** The temporary folder holding the cluster (data/, the socket, server.log); gone once stopped. */
  dir: string;
  /** Stops the server (fast shutdown) and removes its folder; safe to call more than once. */
  stop: () => void;
}

/** The folder holding initdb, pg_ctl and postgres: ROUNDTABLE_PG_BIN, else the newest Debian version, else PATH. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.ROUNDTABLE_PG_BIN;
  if (fromEnv) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v) && existsSync(path.join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? path.dirname(found.stdout.trim()) : null;
}

/** A TCP port nobody listens on at this moment (the server may still lose the race: start() retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port was found.'))));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program as the `postgres` OS user when we are root (PostgreSQL refuses root), else as ourselves. */
function asPostgres(program: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function run(program: string, args: string[], what: string, timeoutMs: number, cwd: string): void {
  const [cmd, argv] = asPostgres(program, args);
  const result = spawnSync(cmd, argv, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'], cwd });
  if (result.status !== 0) {
    const detail = result.error ? String(result.error) : `${result.stderr}${result.stdout}`.trim();
    throw new Error(`${what} failed (exit ${result.status}): ${detail}`);
  }
}

/** A temporary folder the server's user can own and reach (os.tmpdir() may sit in root's private home). */
function clusterFolder(): string {
  const candidates = [os.tmpdir(), '/tmp'];
  for (const base of candidates) {
    const dir = mkdtempSync(path.join(base, 'roundtable-pg-'));
    if (!isRoot) return dir;
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
      if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir]).status === 0) return dir;
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`The test cluster's folder could not be given to the postgres user: ${String(e)}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('No temporary folder is reachable by the postgres user.');
}

/**
 * A shell that outlives nothing: it waits while this process lives, then stops the server and removes the
 * folder. It only matters when this process is killed outright; stop() ends it first otherwise.
 */
function startWatchdog(pgCtl: string, dataDir: string, folder: string): number | undefined {
  const [cmd, argv] = asPostgres(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '120']);
  const stopCommand = [cmd, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${stopCommand} >/dev/null 2>&1; rm -rf '${folder.replace(/'/g, `'\\''`)}'`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

/** Starts a fresh cluster; throws (having cleaned up) when it cannot. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb): install Debian\'s postgresql package (apt-get install -y postgresql), as .ci/run does.');
  const initdb = path.join(bin, 'initdb');
  const pgCtl = path.join(bin, 'pg_ctl');
  const folder = clusterFolder();
  const dataDir = path.join(folder, 'data');
  const logFile = path.join(folder, 'server.log');
  let started = false;
  let stopped = false;
  let watchdog: number | undefined;

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    try {
      if (started || existsSync(path.join(dataDir, 'postmaster.pid'))) {
        const [cmd, argv] = asPostgres(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '120']);
        spawnSync(cmd, argv, { stdio: 'ignore', timeout: 150_000, cwd: os.tmpdir() });
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
      if (watchdog !== undefined) {
        try { process.kill(watchdog, 'SIGTERM'); } catch { /* already gone */ }
      }
    }
  };
  function onExit(): void { stop(); }
  function onSignal(signal: NodeJS.Signals): void {
    stop();
    // We replaced Node's default (die at once); when no one else handles the signal, die as it would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  try {
    run(initdb, ['-D', dataDir, '--auth=trust', '--locale=C', '--encoding=UTF8', '-U', 'postgres', '--no-sync', '--no-instructions'],
      'initdb', 5 * 60_000, folder);
    watchdog = startWatchdog(pgCtl, dataDir, folder);
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3 && !started; attempt++) {
      const port = await freePort();
      // Durability is worth nothing in a cluster that is deleted at the end of the run: fsync off. Commits still
      // behave as on a real server (synchronous_commit stays on: the WAL is written at each commit).
      const options = [`-p ${port}`, "-c listen_addresses='127.0.0.1'", `-c unix_socket_directories='${folder}'`,
        '-c fsync=off', '-c full_page_writes=off', '-c max_connections=200'].join(' ');
      try {
        run(pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '300', '-o', options], 'pg_ctl start', 6 * 60_000, folder);
        started = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir: folder, stop };
      } catch (e) {
        lastError = e;
        // a port taken meanwhile: try another one; anything else will fail again the same way
        const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
        if (!/could not bind|Address already in use/i.test(log)) break;
      }
    }
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    throw new Error(`The test PostgreSQL would not start: ${String(lastError)}\n${log}`);
  } catch (e) {
    stop();
    throw e;
  }
}

/** The same server, another database. */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the cluster's maintenance database (CREATE/DROP DATABASE), one short connection. */
export async function adminQuery(base: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
