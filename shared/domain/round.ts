/** Rounds, agenda items, attendees and outcomes (docs/clinical-rules.md, who is proposed for a joint review). */
import { z } from 'zod';
import { isoDate, MAX_ROW_ID, rowId } from './register';
import type { ROUND_STATUSES } from './enums';
import { ACP_ELEMENTS, ACTION_OWNERS } from './enums';
import type { NotThisWeek, RoundReason, Escalation, SessionItem } from '../rules/planning';

export type RoundStatus = (typeof ROUND_STATUSES)[number];
export type ActionOwner = (typeof ACTION_OWNERS)[number];

export const INVITE_METHODS = ['in-person', 'phone', 'video'] as const;
export const INVITE_STATUSES = ['not-invited', 'invited', 'confirmed', 'declined'] as const;
export type InviteMethod = (typeof INVITE_METHODS)[number];
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const ROUND_LABELS = {
  status: { planning: 'Planning', 'agenda-issued': 'Agenda issued', held: 'Held', closed: 'Closed' } as Record<RoundStatus, string>,
  inviteMethod: { 'in-person': 'In person', phone: 'By phone', video: 'By video' } as Record<InviteMethod, string>,
  inviteStatus: { 'not-invited': 'Not invited', invited: 'Invited', confirmed: 'Confirmed', declined: 'Declined' } as Record<InviteStatus, string>,
  owner: { practice: 'Practice', 'care-home': 'Care home', pharmacy: 'Pharmacy', representative: 'Representative', other: 'Other' } as Record<ActionOwner, string>,
};

export interface RepresentativeAttendee {
  representativeId: number;
  name: string;
  relationship: string;
  how: InviteMethod;
  status: InviteStatus;
  /** Proposed for invitation by shared/rules/attendees.ts; why, in plain English. */
  proposed: boolean;
  why: string | null;
}

export interface Attendees {
  resident: { attending: boolean; note: string | null };
  representatives: RepresentativeAttendee[];
  /** The senior carer or nurse who knows the resident. */
  careStaff: string | null;
}

export interface Question {
  from: string;
  text: string;
}

export interface AgendaItem {
  id: number;
  roundId: number;
  residentId: number;
  position: number;
  start: string;
  minutes: number;
  reasons: RoundReason[];
  attendees: Attendees;
  questions: Question[];
  notes: string | null;
  removedAt: string | null;
  removedReason: string | null;
  /** Raised by every edit of attendees, questions or notes: a save made from an older copy is refused. */
  version: number;
}

/** An urgent or escalate-now flag about someone not yet on the register: resolve it (add them) before the round. */
export interface ToResolve {
  flagId: number;
  /** The name as the home wrote it. */
  name: string;
  severity: 'escalate-now' | 'urgent';
  explanation: string;
}

export interface RoundPlanNotes {
  notThisWeek: NotThisWeek[];
  escalations: Escalation[];
  /** The huddle at the start of the round: the first resident's slot starts after it. */
  huddleMinutes?: number;
  /** How far the must-see residents alone took the round past its capacity when planned (0 within time). */
  overByMinutes?: number;
  /** "4 residents wait for the next round for lack of time: …" */
  deferredSummary?: string;
  /** The round's own lists, as planned: bloods and monitoring, the pharmacist's session, care-planning conversations to book. */
  tasks?: SessionItem[];
  pharmacist?: { minutes: number; usedMinutes: number; items: SessionItem[] };
  carePlanning?: SessionItem[];
  /** Residents who must be seen this week, and why (never deferred for time). */
  mustSee?: { residentId: number; why: string }[];
  /** Unmatched urgent and escalate-now flags for the home when the round was planned ("to resolve first"). */
  toResolve?: ToResolve[];
}

export interface Round {
  id: number;
  homeId: number;
  homeName: string;
  date: string;
  startTime: string;
  clinicians: string[];
  capacityMinutes: number;
  status: RoundStatus;
  plan: RoundPlanNotes;
  /** Current items in order (removed ones are in `removed`). */
  items: AgendaItem[];
  removed: AgendaItem[];
  createdAt: string;
  updatedAt: string;
}

export interface RoundSummary {
  id: number;
  homeId: number;
  homeName: string;
  date: string;
  startTime: string;
  status: RoundStatus;
  capacityMinutes: number;
  items: number;
  usedMinutes: number;
}

export interface OutcomeAction {
  id: number;
  agendaItemId: number | null;
  residentId: number;
  decision: string | null;
  action: string | null;
  owner: ActionOwner | null;
  dueDate: string | null;
  status: 'open' | 'done' | 'cancelled';
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as hh:mm, for example 10:00');
const text = (max: number) => z.string().trim().max(max);

export const createRoundInput = z.object({
  homeId: z.number().int().positive('Choose a care home').max(MAX_ROW_ID, 'Choose a care home'),
  date: isoDate,
  startTime: time.optional(),
  capacityMinutes: z.number().int().min(10, 'A round needs at least 10 minutes').max(600, 'A round cannot be longer than 10 hours').optional(),
  clinicians: z.array(text(200).min(1)).max(10).default([]),
});

export const attendeesInput = z.object({
  resident: z.object({ attending: z.boolean(), note: text(500).nullable().transform((v) => v || null) }),
  representatives: z.array(z.object({
    representativeId: rowId,
    how: z.enum(INVITE_METHODS),
    status: z.enum(INVITE_STATUSES),
  })).max(20),
  careStaff: text(200).nullable().transform((v) => v || null),
});

export const questionsInput = z.array(z.object({ from: text(200).min(1, 'Say who asked the question'), text: text(2000).min(1, 'Enter the question') })).max(30);

export const actionInput = z.object({
  action: text(1000).min(1, 'Describe the action'),
  owner: z.enum(ACTION_OWNERS),
  dueDate: z.union([isoDate, z.literal(''), z.null()]).optional().transform((v) => v || null),
});

export const itemOutcomeInput = z.object({
  itemId: rowId,
  decisions: text(4000).default(''),
  actions: z.array(actionInput).max(20).default([]),
  /** Flags dealt with on the round. */
  flagsAddressed: z.array(rowId).max(50).default([]),
  /** Earlier open actions now done. */
  actionsDone: z.array(rowId).max(50).default([]),
  /** Medication-review rules done on the round (e.g. smr-annual). */
  reviewsDone: z.array(text(60).min(1)).max(20).default([]),
  reviewOutcome: text(2000).default(''),
  carePlans: z.array(z.object({
    element: z.enum(ACP_ELEMENTS),
    value: text(500).min(1, 'Enter what was recorded'),
    reviewDue: z.union([isoDate, z.literal(''), z.null()]).optional().transform((v) => v || null),
  })).max(10).default([]),
});
export type ItemOutcome = z.output<typeof itemOutcomeInput>;
