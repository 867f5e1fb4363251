/**
 * Files belong to the main process. The renderer never names a path: a main-process dialog (or the CLI's
 * argument, or the e2e harness standing in for the dialog) registers the file it chose here and hands the
 * renderer an opaque, random token; channels that read or write files take `{ fileToken }` and resolve it
 * here. A token is good only in the context that issued it, and only for the use it was issued for.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ChosenFile } from '../../shared/ipc/files';

export type FileUse = 'read' | 'write';

export interface FileTokens {
  /** Registers a file the main process chose; returns its token and the name the renderer may show. */
  register(file: string, use: FileUse): ChosenFile;
  /** The file behind a token; refuses a token it did not issue (or issued for another use). */
  resolve(token: string, use: FileUse): string;
}

/** Tokens kept: a window that chooses files all day must not grow without bound. */
const MAX_TOKENS = 200;

export function createFileTokens(): FileTokens {
  const chosen = new Map<string, { file: string; use: FileUse }>();
  return {
    register(file, use) {
      const token = randomBytes(16).toString('base64url');
      chosen.set(token, { file: path.resolve(file), use });
      if (chosen.size > MAX_TOKENS) chosen.delete(chosen.keys().next().value as string);
      return { token, name: path.basename(file) };
    },
    resolve(token, use) {
      const entry = chosen.get(token);
      if (!entry || entry.use !== use) {
        throw new AppError('INVALID_INPUT', 'That file was not chosen in this window: choose the file again.', [{ field: 'fileToken', message: 'Choose the file again' }]);
      }
      return entry.file;
    },
  };
}
