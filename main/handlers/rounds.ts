import type { roundChannels } from '../../shared/ipc/rounds';
import * as print from '../services/print';
import * as rounds from '../services/rounds';
import type { HandlerMap } from './types';

export const roundHandlers: HandlerMap<keyof typeof roundChannels> = {
  'rounds:list': rounds.listRounds,
  'rounds:get': rounds.getRound,
  'rounds:create': (ctx, input) => rounds.createRound(ctx, input),
  'rounds:plan-week': rounds.planWeek,
  'rounds:sessions': rounds.homeSessions,
  'round-settings:get': (ctx) => rounds.getRoundTime(ctx),
  'round-settings:save': rounds.saveRoundTime,
  'rounds:update': rounds.updateRoundDetails,
  'rounds:add-resident': rounds.addResident,
  'rounds:remove-resident': rounds.removeResident,
  'rounds:reorder': rounds.reorder,
  'rounds:move': rounds.moveItem,
  'rounds:set-minutes': rounds.setMinutes,
  'rounds:set-attendees': rounds.setAttendees,
  'rounds:set-questions': rounds.setQuestions,
  'rounds:set-status': rounds.setStatus,
  'rounds:record-outcome': rounds.recordOutcome,
  'rounds:outcomes': rounds.listOutcomes,
  'rounds:print-data': (ctx, input) => print.printDocument(ctx, input.roundId),
  'rounds:save-pdf': print.savePdf,
};
