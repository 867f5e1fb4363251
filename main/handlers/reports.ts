import type { backupChannels } from '../../shared/ipc/backups';
import type { reportChannels } from '../../shared/ipc/reports';
import * as audit from '../services/audit';
import * as backups from '../services/backups';
import * as reports from '../services/reports';
import type { HandlerMap } from './types';

export const reportHandlers: HandlerMap<keyof typeof reportChannels> = {
  'reports:outcomes': reports.outcomeReport,
  'reports:csv': reports.outcomeCsv,
  'audit:search': audit.searchAudit,
  'audit:page': audit.pageAudit,
  'audit:choices': (ctx) => audit.auditChoices(ctx),
  'audit:csv': audit.auditCsv,
};

export const backupHandlers: HandlerMap<keyof typeof backupChannels> = {
  'backups:list': (ctx) => backups.listBackups(ctx),
  'backups:create': (ctx) => backups.createBackup(ctx, 'manual'),
  'backups:restore': (ctx, input) => backups.restoreNamedBackup(ctx, input.name),
};
