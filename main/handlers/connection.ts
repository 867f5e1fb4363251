import type { connectionChannels } from '../../shared/ipc/connection';
import * as connection from '../services/connection';
import type { HandlerMap } from './types';

export const connectionHandlers: HandlerMap<keyof typeof connectionChannels> = {
  'connection:get': (ctx) => Promise.resolve(connection.connectionView(ctx)),
  'connection:test': connection.testConnection,
  'connection:save': (ctx, input) => Promise.resolve(connection.saveSharedDatabase(ctx, input)),
  'connection:use-local': (ctx) => Promise.resolve(connection.useLocalDatabase(ctx)),
  'connection:set-user-name': (ctx, input) => Promise.resolve(connection.setUserName(ctx, input)),
};
