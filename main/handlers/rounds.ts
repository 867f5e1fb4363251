import type { roundChannels } from '../../shared/ipc/rounds';
import * as rounds from '../services/rounds';
import type { HandlerMap } from './types';

/** Printing brings in React's server renderer: loaded when first asked for, so other requests (and the CLI) start faster. */
const print = () => import('../services/print');

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
  'rounds:print-data': async (ctx, input) => (await print()).printDocument(ctx, input.roundId),
  'rounds:save-pdf': async (ctx, input) => (await print()).savePdf(ctx, input),
  'rounds:save-session-pdf': async (ctx, input) => (await print()).saveSessionPdf(ctx, input),
};
