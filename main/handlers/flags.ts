import type { flagChannels } from '../../shared/ipc/flags';
import * as flags from '../services/flags';
import { residentView } from '../services/residentView';
import type { HandlerMap } from './types';

export const flagHandlers: HandlerMap<keyof typeof flagChannels> = {
  'flags:list': flags.listFlags,
  'flags:unmatched': flags.unmatchedFlags,
  'flags:get': flags.getFlag,
  'flags:escalations': (ctx) => flags.escalations(ctx),
  'flags:enter': flags.enterFlag,
  'flags:match': flags.confirmMatch,
  'flags:add-resident': flags.addResidentFromFlag,
  'flags:dismiss': flags.dismissFlag,
  'flags:set-status': flags.setFlagStatus,
  'flags:set-severity': flags.setFlagSeverity,
  'flags:record-escalation': flags.recordEscalation,
  'residents:view': residentView,
};
