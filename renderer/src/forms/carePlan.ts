/** The care plan entry form: its values, and the check that turns them into a channel input. */
import { formatUkDate } from '../../../shared/dates';
import { carePlanEntryInput, type CarePlanEntryInput } from '../../../shared/domain/carePlan';
import { ACP_ELEMENTS, type AcpElement } from '../../../shared/domain/enums';
import { readDate } from './dates';
import { fromIssues, type Checked } from './errors';

export interface CarePlanValues {
  element: AcpElement | '';
  /** The chosen answer for elements with a fixed vocabulary, or the typed text. */
  value: string;
  treatmentFocus: string;
  involved: string;
  told: string;
  representativeId: string;
  attorney: string;
  registeredOn: string;
  whereKept: string;
  recordedOn: string;
  reviewDue: string;
  residentTookPart: boolean;
  hadCapacity: 'yes' | 'no' | 'not-assessed' | '';
  representativeIds: number[];
  clinician: string;
}

/** Field keys in the order they appear, for the error summary. */
export const CARE_PLAN_FIELDS = ['element', 'value', 'details.treatmentFocus', 'details.involved', 'details.told', 'details.representativeId',
  'details.attorney', 'details.registeredOn', 'details.whereKept', 'recordedOn', 'reviewDue', 'hadCapacity', 'participants.clinician'] as const;

export function carePlanValues(today: string, element: string | null): CarePlanValues {
  const chosen = ACP_ELEMENTS.find((e) => e === element) ?? '';
  return {
    element: chosen, value: '', treatmentFocus: '', involved: '', told: '', representativeId: '', attorney: '', registeredOn: '', whereKept: '',
    recordedOn: formatUkDate(today), reviewDue: '', residentTookPart: false, hadCapacity: '', representativeIds: [], clinician: '',
  };
}

const FRIENDLY: Record<string, string> = {
  element: 'Select what you are recording',
  value: 'Select an answer',
};

const VALUE_MESSAGES: Partial<Record<AcpElement, string>> = {
  respect: 'Select the CPR recommendation on the ReSPECT form',
  dnacpr: 'Select whether the DNACPR decision is in place or cancelled',
  'lpa-health-welfare': 'Select whether there is a registered LPA for health and welfare',
  adrt: 'Select whether there is an advance decision to refuse treatment',
  gsf: 'Select the Gold Standards Framework code',
  'surprise-question': 'Select the answer to the surprise question',
};

/** Only the details the chosen element has are sent; the schema checks the rest exactly as main does. */
export function checkCarePlan(v: CarePlanValues, today: string): Checked<CarePlanEntryInput> {
  const own: Record<string, string> = {};
  if (v.element === '') return { ok: false, errors: { fields: { element: FRIENDLY.element ?? '' }, general: [] } };
  const recorded = readDate(v.recordedOn, { label: 'the date it was recorded', example: formatUkDate(today), required: true, notAfter: today });
  if (recorded.error) own.recordedOn = recorded.error;
  const review = readDate(v.reviewDue, { label: 'the review date', example: formatUkDate(today) });
  if (review.error) own.reviewDue = review.error;
  const registered = readDate(v.registeredOn, { label: 'the date the LPA was registered', example: '02/04/2023', notAfter: today });
  if (v.element === 'lpa-health-welfare' && registered.error) own['details.registeredOn'] = registered.error;
  if (v.residentTookPart && v.hadCapacity === '') own.hadCapacity = 'Select whether they had capacity for this decision';

  let details: Record<string, unknown> = {};
  if (v.element === 'respect') details = { treatmentFocus: v.treatmentFocus || null };
  if (v.element === 'dnacpr') details = { involved: v.involved, told: v.told };
  if (v.element === 'lpa-health-welfare') {
    details = v.value === 'registered'
      ? { representativeId: v.representativeId ? Number(v.representativeId) : null, attorney: v.representativeId ? null : v.attorney, registeredOn: registered.iso }
      : { representativeId: null, attorney: null, registeredOn: null };
  }
  if (v.element === 'adrt') details = { whereKept: v.value === 'yes' ? v.whereKept : null };
  const candidate = {
    element: v.element, value: v.value, details, recordedOn: recorded.iso ?? '', reviewDue: review.iso,
    participants: {
      ...(v.residentTookPart ? { resident: { tookPart: true, hadCapacity: v.hadCapacity === 'yes' ? true : v.hadCapacity === 'no' ? false : null } } : {}),
      representativeIds: v.representativeIds,
      clinician: v.clinician,
    },
  } as CarePlanEntryInput;
  const parsed = carePlanEntryInput.safeParse(candidate);
  const friendly = { ...FRIENDLY, value: VALUE_MESSAGES[v.element] ?? 'Enter an answer' };
  const fields = { ...(parsed.success ? {} : fromIssues(parsed.error.issues, friendly)), ...own };
  // A date typed wrongly is reported once, in our words, not again by the schema.
  if (own.recordedOn || recorded.iso === null) fields.recordedOn = own.recordedOn ?? fields.recordedOn ?? 'Enter the date it was recorded';
  if (Object.keys(fields).length > 0) return { ok: false, errors: { fields, general: [] } };
  return { ok: true, input: candidate };
}
