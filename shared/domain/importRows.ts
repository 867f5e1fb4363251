/**
 * One checked row of a practice export, per kind: what the importers (main/imports) read a row into and what
 * the store's import writer stores. The domain's own shape, so neither side defines it for the other.
 */
import type { IsoDate } from '../dates';
import type { AsNeeded } from './clinical';
import type { AcpElement, ContactPreference, Sex } from './enums';
import type { LabTest } from './snapshot';

export interface PatientRow {
  kind: 'patients'; nhsNumber: string; familyName: string; givenName: string; dateOfBirth: IsoDate; sex: Sex;
  careHome: string; room: string | null; admissionDate: IsoDate | null; status: 'active' | 'left' | 'died'; statusDate: IsoDate | null;
}
export interface MedicationRow {
  kind: 'medications'; nhsNumber: string; name: string; dose: string | null; startDate: IsoDate | null; type: 'repeat' | 'acute';
  status: 'active' | 'stopped'; lastIssued: IsoDate | null; stoppedOn: IsoDate | null;
  /** Taken as required or kept just in case: from a column, else from the product and dose text. */
  asNeeded: AsNeeded | null;
}
export interface ConditionRow { kind: 'conditions'; nhsNumber: string; name: string; code: string | null; onset: IsoDate | null }
/** Event kinds that are records of the care pathway, not clinical events: a care and support plan, an end-of-life step. */
export const PATHWAY_EVENTS = ['pcsp', 'pcsp-review', 'anticipatory-medicines', 'anticipatory-medicines-declined', 'end-of-life-conversation',
  'end-of-life-plan-with-home'] as const;
export type PathwayEvent = (typeof PATHWAY_EVENTS)[number];
export interface EventRow {
  kind: 'events'; nhsNumber: string; type: 'admission' | 'discharge' | 'a-and-e' | 'fall' | 'death' | 'visit' | 'other' | PathwayEvent; date: IsoDate; details: string | null;
  by?: string | null; nextReview?: IsoDate | null;
}
export interface AcpRow { kind: 'acp'; nhsNumber: string; element: AcpElement; value: string; recordedOn: IsoDate; reviewDue: IsoDate | null }
export interface ReviewRow { kind: 'reviews'; nhsNumber: string; rule: string; doneOn: IsoDate; doneBy: string | null }
export interface RepresentativeRow {
  kind: 'representatives'; nhsNumber: string; name: string; relationship: string; phone: string | null; email: string | null;
  holdsLpa: boolean; preferredContact: ContactPreference;
}
/** A laboratory result or measurement: the test Roundtable knows it as, the value in that test's unit. */
export interface ResultRow {
  kind: 'results'; nhsNumber: string; test: LabTest; value: number; comparator: '<' | '>' | null; unit: string; date: IsoDate;
  /** The test's name as the file wrote it. */
  nameAsWritten: string;
}
export type RecordRow = PatientRow | MedicationRow | ConditionRow | EventRow | AcpRow | ReviewRow | RepresentativeRow | ResultRow;

