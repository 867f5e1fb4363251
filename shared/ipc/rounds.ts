/** Channels of the weekly round: planning, the agenda, attendees, printing and outcomes. */
import { z } from 'zod';
import {
  attendeesInput, createRoundInput, itemOutcomeInput, questionsInput,
  type AgendaItem, type OutcomeAction, type Round, type RoundSummary,
} from '../domain/round';
import type { RoundProposal, SessionItem } from '../rules/planning';
import { isoDate } from '../domain/register';
import { roundTimeSchema, type RoundTime, type RoundTimeField } from '../rules/roundTime';
import type { PrintDocument } from '../print';
import { channel } from './channel';
import { id } from './register';


/** "Plan next week": one round per home on its usual round day; homes skipped say why. */
export interface WeekPlan {
  from: string;
  to: string;
  planned: { round: Round; proposal: RoundProposal }[];
  skipped: { homeId: number; home: string; why: string }[];
}

/** A home's lists beside the round, worked out for a date (not saved). */
export interface HomeSessions {
  homeId: number;
  home: string;
  date: string;
  tasks: SessionItem[];
  pharmacist: { minutes: number; usedMinutes: number; items: SessionItem[] };
  carePlanning: SessionItem[];
}

export interface RoundTimeView {
  settings: RoundTime;
  defaults: RoundTime;
  fields: readonly RoundTimeField[];
}
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as hh:mm, for example 10:00');

/** The item's version as the screen showed it: a save from an older copy is refused (someone else saved first). Optional: the CLI edits what it just read. */
const itemVersion = id.optional();

export const roundChannels = {
  'rounds:list': channel<RoundSummary[]>()(z.object({ homeId: id.optional() }).strict()),
  'rounds:get': channel<Round>()(z.object({ id }).strict()),
  'rounds:create': channel<{ round: Round; proposal: RoundProposal }>()(createRoundInput.strict()),
  'rounds:plan-week': channel<WeekPlan>()(z.object({ from: isoDate.optional() }).strict()),
  'rounds:sessions': channel<HomeSessions>()(z.object({ homeId: id, date: isoDate.optional() }).strict()),
  'round-settings:get': channel<RoundTimeView>()(z.object({}).strict()),
  'round-settings:save': channel<RoundTimeView>()(z.object({ settings: roundTimeSchema }).strict()),
  'rounds:update': channel<Round>()(z.object({ roundId: id, startTime: time.optional(), clinicians: z.array(z.string().trim().min(1).max(200)).max(10).optional() }).strict()),
  'rounds:add-resident': channel<Round>()(z.object({ roundId: id, residentId: id, minutes: z.number().int().min(5).max(120).optional(),
    why: z.string().trim().max(500).optional() }).strict()),
  'rounds:remove-resident': channel<Round>()(z.object({ itemId: id, reason: z.string().trim().max(500).optional() }).strict()),
  'rounds:reorder': channel<Round>()(z.object({ roundId: id, itemIds: z.array(id).max(100) }).strict()),
  'rounds:move': channel<Round>()(z.object({ itemId: id, direction: z.enum(['up', 'down']) }).strict()),
  'rounds:set-minutes': channel<Round>()(z.object({ itemId: id, minutes: z.number({ error: 'Enter the minutes as a number' }).int('Enter whole minutes')
    .min(5, 'An item needs at least 5 minutes').max(120, 'An item cannot be longer than 120 minutes') }).strict()),
  'rounds:set-attendees': channel<AgendaItem>()(z.object({ itemId: id, attendees: attendeesInput, version: itemVersion }).strict()),
  'rounds:set-questions': channel<AgendaItem>()(z.object({ itemId: id, questions: questionsInput, notes: z.string().trim().max(4000).optional(),
    version: itemVersion }).strict()),
  'rounds:set-status': channel<Round>()(z.object({ roundId: id, status: z.enum(['agenda-issued', 'held', 'closed']) }).strict()),
  'rounds:record-outcome': channel<OutcomeAction[]>()(z.object({ outcome: itemOutcomeInput }).strict()),
  'rounds:outcomes': channel<OutcomeAction[]>()(z.object({ roundId: id }).strict()),
  /** The print documents of a round (agenda, letters, summary) as data for the print components. */
  'rounds:print-data': channel<PrintDocument>()(z.object({ roundId: id }).strict()),
  /** Saves a PDF of a document (Electron's printToPDF, or Chromium outside Electron) where the main process's save dialog says; returns where (null: cancelled). */
  'rounds:save-pdf': channel<{ path: string | null }>()(z.object({ roundId: id, document: z.enum(['agenda', 'letters', 'summary']) }).strict()),
  /** Saves a PDF of a list beside the round (as planned with it) where the save dialog says: tasks, the pharmacist's session, care-planning conversations and their letters. */
  'rounds:save-session-pdf': channel<{ path: string | null }>()(z.object({ roundId: id, session: z.enum(['tasks', 'pharmacist', 'care-planning']) }).strict()),
} as const;
