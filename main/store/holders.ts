/**
 * Who has a database open. Every process that opens a Roundtable database writes a small holder file into
 * the folder "<database>-holders" beside it (process id, computer, user, program, since when, and what it
 * is doing now, e.g. an import) and removes it when it closes. A restore refuses while anyone else holds the
 * database, naming them; a write that has to wait says what is running. A holder left by a process that
 * has died on this computer is cleared when it is next read.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export interface Holder {
  id: string;
  pid: number;
  host: string;
  user: string;
  /** What opened it: "the command line (homes)", "the desktop app". */
  program: string;
  since: string;
  /** What it is doing that others may have to wait for, e.g. "an import", and of what ("medications.csv"). */
  activity: string | null;
  activityDetail: string | null;
  activitySince: string | null;
}

export interface HolderHandle {
  readonly id: string;
  setActivity(activity: string | null, detail?: string): void;
  release(): void;
}

export function holdersFolder(databaseFile: string): string {
  return `${path.resolve(databaseFile)}-holders`;
}

const RESTORING = 'restoring.lock';

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Registers this process as holding the database; release() removes the file again. */
export function registerHolder(databaseFile: string, program: string): HolderHandle {
  const folder = holdersFolder(databaseFile);
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const file = path.join(folder, `${id}.json`);
  const holder: Holder = { id, pid: process.pid, host: os.hostname(), user: userName(), program, since: new Date().toISOString(),
    activity: null, activityDetail: null, activitySince: null };
  let released = false;
  const save = () => {
    try {
      mkdirSync(folder, { recursive: true });
      writeAtomically(file, `${JSON.stringify(holder)}\n`);
    } catch {
      // a read-only folder: the database itself will say so when written
    }
  };
  save();
  return {
    id,
    setActivity(activity, detail) {
      if (released) return;
      holder.activity = activity;
      holder.activityDetail = detail ?? null;
      holder.activitySince = activity === null ? null : new Date().toISOString();
      save();
    },
    release() {
      if (released) return;
      released = true;
      rmSync(file, { force: true });
      try {
        if (readdirSync(folder).length === 0) rmSync(folder, { recursive: true, force: true });
      } catch {
        // another process is registering at the same moment: its file keeps the folder
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Everyone holding the database except exceptId: holders on this computer whose process has ended are
 * removed; holders on other computers are trusted (their process cannot be checked from here).
 */
export function listHolders(databaseFile: string, exceptId?: string): Holder[] {
  const folder = holdersFolder(databaseFile);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const holders: Holder[] = [];
  for (const name of names) {
    let holder: Holder;
    try {
      holder = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Holder;
    } catch {
      continue; // being written or removed right now
    }
    if (holder.id === exceptId) continue;
    if (holder.host === os.hostname() && !isAlive(holder.pid)) {
      rmSync(path.join(folder, name), { force: true });
      continue;
    }
    holders.push(holder);
  }
  return holders.sort((a, b) => a.since.localeCompare(b.since));
}

function clock(iso: string): string {
  return new Date(iso).toTimeString().slice(0, 5);
}

/** "the command line (import records) (process 4242 on PC-12, user alice, open since 10:31)". */
export function describeHolder(holder: Holder): string {
  return `${holder.program} (process ${holder.pid} on ${holder.host}, user ${holder.user}, open since ${clock(holder.since)})`;
}

/**
 * Why a write has to wait, for a person: "An import is in progress (medications.csv, started 10:31 by alice
 * on PC-12); try again in a minute." Without a known activity, who else is writing.
 */
export function busyMessage(holders: Holder[]): string {
  const busy = holders.find((h) => h.activity !== null);
  if (busy?.activity) {
    const what = busy.activity.charAt(0).toUpperCase() + busy.activity.slice(1);
    const detail = [busy.activityDetail, `started ${clock(busy.activitySince ?? busy.since)} by ${busy.user} on ${busy.host}`].filter(Boolean).join(', ');
    return `${what} is in progress (${detail}); try again in a minute. Nothing was changed.`;
  }
  const other = holders[0];
  return `Another Roundtable is writing to the database${other ? ` (${describeHolder(other)})` : ''}; try again in a minute. Nothing was changed.`;
}

/**
 * Marks the database as being restored, so no process opens it meanwhile; returns the function that
 * removes the mark. Checked by openers after they register, and by the restore after it marks, so one of
 * the two always sees the other.
 */
export function markRestoring(databaseFile: string): () => void {
  const folder = holdersFolder(databaseFile);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, RESTORING);
  writeFileSync(file, `${JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() })}\n`);
  return () => rmSync(file, { force: true });
}

/** True while another live process is restoring the database (a mark left by a process that died is removed). */
export function isBeingRestored(databaseFile: string): boolean {
  const file = path.join(holdersFolder(databaseFile), RESTORING);
  let mark: { pid: number; host: string };
  try {
    mark = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; host: string };
  } catch {
    return false;
  }
  if (mark.host !== os.hostname()) return true;
  if (mark.pid === process.pid) return false; // the restoring process reopening the restored database
  if (isAlive(mark.pid)) return true;
  rmSync(file, { force: true });
  return false;
}
