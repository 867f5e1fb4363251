/** Channels of advance care planning: a resident's plan and history, recording an entry, the practice overview. */
import { z } from 'zod';
import { carePlanEntryInput, type CarePlanEntryView } from '../domain/carePlan';
import type { DueItem } from '../domain/due';
import type { CprStatus } from '../rules/cpr';
import { channel } from './channel';
import { id } from './register';

export interface ResidentCarePlan {
  residentId: number;
  /** The current entry of each element that has one, in the order of the elements. */
  current: CarePlanEntryView[];
  /** Superseded entries, newest first. */
  history: CarePlanEntryView[];
  cpr: CprStatus;
  /** Gaps and reviews due today (shared/rules/carePlan). */
  due: DueItem[];
}

export interface CarePlanCoverage {
  homeId: number;
  homeName: string;
  residents: number;
  withRespect: number;
  withPreferredPlaceOfDeath: number;
  withLpa: number;
}

export interface CarePlanResidentRow {
  residentId: number;
  nhsNumber: string;
  name: string;
  preferredName: string | null;
  homeId: number;
  homeName: string;
  cpr: CprStatus;
  due: DueItem[];
}

export interface CarePlanOverview {
  today: string;
  coverage: CarePlanCoverage[];
  /** Residents with a CPR conflict or an item due, conflicts first, then by urgency. */
  residents: CarePlanResidentRow[];
}

export const carePlanChannels = {
  'carePlans:get': channel<ResidentCarePlan>()(z.object({ residentId: id }).strict()),
  'carePlans:add': channel<ResidentCarePlan>()(z.object({ residentId: id, entry: carePlanEntryInput }).strict()),
  'carePlans:overview': channel<CarePlanOverview>()(z.object({ homeId: id.optional() }).strict()),
} as const;
