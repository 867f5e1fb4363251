/**
 * Files in the contract. The renderer never sends a path: channels that read or write files take a
 * `fileToken` that a main-process dialog issued (main/services/files.ts), and a path typed or made up by the
 * renderer is refused by the schema. New channels that take a file (a flag-file import, a flag-sheet save)
 * follow the same pattern: a `*:choose-file` channel (main-process dialog) returns `ChosenFile`, the working
 * channel takes `{ fileToken }`; a save with no dialog writes into a main-process folder and says where.
 */
import { z } from 'zod';

/** A file the main process chose: an opaque token for later calls and its name to show. */
export interface ChosenFile {
  token: string;
  name: string;
}

/** 16 random bytes, base64url: nothing a path could look like. */
export const fileToken = z.string({ error: 'Choose a file' })
  .regex(/^[A-Za-z0-9_-]{22}$/, 'Choose the file with the Choose file button: a typed path is not accepted');
