/**
 * Channels of Settings › Shared database and the audit name: which database this desktop uses (SQLite on
 * this computer, or a shared PostgreSQL server), testing a connection, saving the choice (it takes effect
 * when Roundtable restarts), and the name the audit trail records. The password travels renderer → main
 * only: no channel ever sends it back.
 */
import { z } from 'zod';
import { channel } from './channel';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface DatabaseDescription {
  engine: DatabaseEngine;
  /** SQLite: the file; PostgreSQL: HOST/DBNAME (HOST:PORT/DBNAME off the usual port). Never a password. */
  location: string;
  /** For the footer: "Database: this computer (SQLite)" or "Database: shared, PostgreSQL on HOST/DBNAME". */
  label: string;
}

export interface ConnectionView {
  /** The database open now. */
  current: DatabaseDescription;
  /** What this desktop's settings file says to open at the next start. */
  saved: {
    engine: DatabaseEngine;
    /** The saved connection string, without its password. */
    url: string | null;
    /** HOST/DBNAME of the saved connection string. */
    location: string | null;
    /** A password is kept (encrypted) for it. */
    hasPassword: boolean;
  };
  /** The saved choice differs from the database open now: it takes effect when Roundtable restarts. */
  restartNeeded: boolean;
  /** ROUNDTABLE_DB is set: it wins over the saved choice. */
  environmentOverride: boolean;
  /** Settings can be saved here (the desktop app); the CLI and tests have no settings file. */
  canSave: boolean;
  /** This computer can keep a password encrypted (Electron's safeStorage). */
  canKeepPassword: boolean;
  /** "Your name in the audit trail" as saved, or null for the default. */
  userName: string | null;
  /** The operating-system user, used when no name is saved. */
  defaultUserName: string;
  /** The name the audit records now, and the computer's name recorded with it. */
  auditName: string;
  machine: string;
}

export interface ConnectionTestResult {
  connected: boolean;
  /** What was found, in words: the server's version and the Roundtable schema, or what went wrong. */
  message: string;
  location: string;
  serverVersion: string | null;
  schemaVersion: number | null;
  /** The saved password was used (the password box was left empty for the saved connection). */
  usedSavedPassword: boolean;
}

export interface ConnectionSaved {
  /** What was saved and what happens next, in words. */
  message: string;
  view: ConnectionView;
}

const URL_MESSAGE = 'Enter a connection string that starts with postgres:// or postgresql://';

/** A postgres:// or postgresql:// URL naming a host and a database, with no password in it. */
export const connectionUrl = z.string({ error: URL_MESSAGE }).trim()
  .min(1, 'Enter the connection string of the shared database')
  .max(2000, 'The connection string must be 2,000 characters or fewer')
  .regex(/^postgres(ql)?:\/\//i, URL_MESSAGE)
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'The connection string is not a valid address: check it against postgresql://USER@HOST:PORT/DATABASE' });
      return;
    }
    if (url.password !== '') context.addIssue({ code: 'custom', message: 'Take the password out of the connection string and put it in the password box' });
    else if (!url.hostname && !url.searchParams.get('host')) context.addIssue({ code: 'custom', message: 'The connection string must name the server, for example postgresql://roundtable@db.example.nhs.uk/roundtable' });
    else if (url.pathname.replace(/^\//, '') === '') context.addIssue({ code: 'custom', message: 'The connection string must name the database after the server, for example …/roundtable' });
  });

export const connectionPassword = z.string({ error: 'Enter the password as text' })
  .max(1000, 'The password must be 1,000 characters or fewer')
  .refine((value) => !/[\r\n\0]/.test(value), 'The password cannot contain line breaks');

export const userNameInput = z.string({ error: 'Enter your name as text' }).trim()
  .max(100, 'Your name must be 100 characters or fewer')
  .refine((value) => !/[\p{Cc}]/u.test(value), 'Your name cannot contain control characters');

const none = z.object({}).strict();

export const connectionChannels = {
  'connection:get': channel<ConnectionView>()(none),
  /** Tries the connection now (nothing is saved); a failure to connect is an answer, not an error. */
  'connection:test': channel<ConnectionTestResult>()(z.object({ url: connectionUrl, password: connectionPassword.default('') }).strict()),
  /** Saves the shared database for the next start; an empty password keeps the saved one for the same connection string. */
  'connection:save': channel<ConnectionSaved>()(z.object({ url: connectionUrl, password: connectionPassword.default('') }).strict()),
  /** Back to the SQLite file on this computer at the next start; forgets the saved password. */
  'connection:use-local': channel<ConnectionSaved>()(none),
  /** "Your name in the audit trail"; empty goes back to the operating-system user. Takes effect at once. */
  'connection:set-user-name': channel<ConnectionSaved>()(z.object({ name: userNameInput }).strict()),
} as const;
