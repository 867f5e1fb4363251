/** The resident form: values as typed (dates dd/mm/yyyy) and their check against main's residentInput. */
import { formatUkDate } from '../../../shared/dates';
import { residentInput, type RepresentativeInput, type Resident, type ResidentInput } from '../../../shared/domain/register';
import type { ResidentStatus, Sex } from '../../../shared/domain/enums';
import { checkNhsNumber, formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { readDate } from './dates';
import { checkRepresentative, type RepresentativeValues } from './representative';
import { fromIssues, type Checked } from './errors';

export interface ResidentValues {
  nhsNumber: string;
  familyName: string;
  givenName: string;
  preferredName: string;
  dateOfBirth: string;
  sex: Sex | '';
  homeId: string;
  room: string;
  admissionDate: string;
  status: ResidentStatus;
  statusDate: string;
  frailty: string;
  dementia: 'yes' | 'no' | '';
  communicationNeeds: string;
  capacityNotes: string;
  whatMatters: string;
}

export const RESIDENT_FIELDS = ['nhsNumber', 'familyName', 'givenName', 'preferredName', 'dateOfBirth', 'sex', 'homeId', 'room',
  'admissionDate', 'status', 'statusDate', 'frailty', 'dementia', 'communicationNeeds', 'capacityNotes', 'whatMatters'] as const;

const FRIENDLY: Record<string, string> = {
  sex: 'Select the resident’s sex',
  status: 'Select whether they still live at the home',
  frailty: 'Choose a Clinical Frailty Scale score',
};

export function residentValues(resident?: Resident, homeId?: number | null): ResidentValues {
  return {
    nhsNumber: resident ? formatNhsNumber(resident.nhsNumber) : '',
    familyName: resident?.familyName ?? '',
    givenName: resident?.givenName ?? '',
    preferredName: resident?.preferredName ?? '',
    dateOfBirth: formatUkDate(resident?.dateOfBirth),
    sex: resident?.sex ?? '',
    homeId: String(resident?.homeId ?? homeId ?? ''),
    room: resident?.room ?? '',
    admissionDate: formatUkDate(resident?.admissionDate),
    status: resident?.status ?? 'active',
    statusDate: formatUkDate(resident?.statusDate),
    frailty: resident?.frailty === null || resident === undefined ? '' : String(resident.frailty),
    dementia: resident === undefined ? '' : resident.dementia ? 'yes' : 'no',
    communicationNeeds: resident?.communicationNeeds ?? '',
    capacityNotes: resident?.capacityNotes ?? '',
    whatMatters: resident?.whatMatters ?? '',
  };
}

/** A valid number that is a known placeholder can be saved, but the user should see why it looks wrong. */
export function nhsNumberWarning(text: string): string | null {
  const check = checkNhsNumber(text);
  return check.valid && check.warning ? check.warning : null;
}

export function checkResident(values: ResidentValues, today: string): Checked<ResidentInput> {
  const own: Record<string, string> = {};
  const dob = readDate(values.dateOfBirth, { label: 'the date of birth', example: '15/03/1941', required: true, notAfter: today });
  const admission = readDate(values.admissionDate, { label: 'the admission date', example: '02/11/2026', notAfter: today });
  const statusDate = values.status === 'active'
    ? { iso: null }
    : readDate(values.statusDate, { label: values.status === 'died' ? 'the date of death' : 'the date they left', example: '20/11/2026', required: true, notAfter: today });
  if (dob.error) own.dateOfBirth = dob.error;
  if (admission.error) own.admissionDate = admission.error;
  if (statusDate.error) own.statusDate = statusDate.error;
  if (values.dementia === '') own.dementia = 'Select yes if they have a diagnosis of dementia';
  const candidate = {
    nhsNumber: values.nhsNumber,
    familyName: values.familyName,
    givenName: values.givenName,
    preferredName: values.preferredName,
    dateOfBirth: dob.iso ?? '',
    sex: values.sex === '' ? undefined : values.sex,
    homeId: values.homeId === '' ? 0 : Number(values.homeId),
    room: values.room,
    admissionDate: admission.iso ?? '',
    status: values.status,
    statusDate: statusDate.iso ?? '',
    frailty: values.frailty === '' ? null : Number(values.frailty),
    dementia: values.dementia === 'yes',
    communicationNeeds: values.communicationNeeds,
    capacityNotes: values.capacityNotes,
    whatMatters: values.whatMatters,
  };
  const parsed = residentInput.safeParse(candidate);
  const fields = { ...(parsed.success ? {} : fromIssues(parsed.error.issues, FRIENDLY)), ...own };
  if (!parsed.success || Object.keys(fields).length > 0) return { ok: false, errors: { fields, general: [] } };
  return { ok: true, input: { ...candidate, sex: parsed.data.sex } };
}

export interface NewResident {
  resident: ResidentInput;
  representatives: RepresentativeInput[];
}

/** The Add form: the resident, and the optional first representative (errors keyed "rep.*"). */
export function checkNewResident(values: ResidentValues, rep: RepresentativeValues | null, today: string): Checked<NewResident> {
  const resident = checkResident(values, today);
  const representative = rep === null ? null : checkRepresentative(rep, today, 'rep.');
  if (resident.ok && (representative === null || representative.ok)) {
    return { ok: true, input: { resident: resident.input, representatives: representative ? [representative.input] : [] } };
  }
  const fields = { ...(resident.ok ? {} : resident.errors.fields), ...(representative && !representative.ok ? representative.errors.fields : {}) };
  return { ok: false, errors: { fields, general: [] } };
}
