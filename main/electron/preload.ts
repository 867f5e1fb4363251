/**
 * Runs sandboxed in the renderer before the page. Exposes one object, `window.roundtable`, whose
 * invoke checks the channel against the contract; ipcRenderer itself is never handed over. Main
 * checks the sender and validates the input again: the renderer is untrusted.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../shared/errors';
import { IPC_INVOKE, isChannel, type RoundtableApi } from '../../shared/ipc';

const api = {
  invoke(channel, input) {
    if (!isChannel(channel)) {
      const refused: Result<never> = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request “${String(channel).slice(0, 60)}”` } };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, input);
  },
} satisfies RoundtableApi;

contextBridge.exposeInMainWorld('roundtable', api);
