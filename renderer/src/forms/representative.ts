/** The relative or representative form, used on its own and inside the Add resident form. */
import { formatUkDate } from '../../../shared/dates';
import { representativeInput, type Representative, type RepresentativeInput } from '../../../shared/domain/register';
import type { ContactPreference } from '../../../shared/domain/enums';
import { readDate } from './dates';
import { fromIssues, type Checked } from './errors';

export interface RepresentativeValues {
  name: string;
  relationship: string;
  phone: string;
  email: string;
  holdsLpaHealthWelfare: 'yes' | 'no' | '';
  lpaRegisteredOn: string;
  preferredContact: ContactPreference | '';
  notes: string;
}

export const REPRESENTATIVE_FIELDS = ['name', 'relationship', 'phone', 'email', 'holdsLpaHealthWelfare', 'lpaRegisteredOn', 'preferredContact', 'notes'] as const;

export function representativeValues(rep?: Representative): RepresentativeValues {
  return {
    name: rep?.name ?? '',
    relationship: rep?.relationship ?? '',
    phone: rep?.phone ?? '',
    email: rep?.email ?? '',
    holdsLpaHealthWelfare: rep === undefined ? '' : rep.holdsLpaHealthWelfare ? 'yes' : 'no',
    lpaRegisteredOn: formatUkDate(rep?.lpaRegisteredOn),
    preferredContact: rep?.preferredContact ?? '',
    notes: rep?.notes ?? '',
  };
}

/**
 * Checks the values; error keys carry `prefix` ("rep.") when the fields sit inside another form.
 * The LPA and joining questions must be answered: a silent default would record a fact nobody gave.
 */
export function checkRepresentative(values: RepresentativeValues, today: string, prefix = ''): Checked<RepresentativeInput> {
  const own: Record<string, string> = {};
  if (values.holdsLpaHealthWelfare === '') own[`${prefix}holdsLpaHealthWelfare`] = 'Select yes if they hold a lasting power of attorney for health and welfare';
  if (values.preferredContact === '') own[`${prefix}preferredContact`] = 'Select how they would like to join reviews';
  const lpa = values.holdsLpaHealthWelfare === 'yes'
    ? readDate(values.lpaRegisteredOn, { label: 'the date the LPA was registered', example: '02/04/2023', notAfter: today })
    : { iso: null };
  if (lpa.error) own[`${prefix}lpaRegisteredOn`] = lpa.error;
  const candidate = {
    name: values.name,
    relationship: values.relationship,
    phone: values.phone,
    email: values.email,
    holdsLpaHealthWelfare: values.holdsLpaHealthWelfare === 'yes',
    lpaRegisteredOn: lpa.iso ?? '',
    preferredContact: values.preferredContact === '' ? undefined : values.preferredContact,
    notes: values.notes,
  };
  const parsed = representativeInput.safeParse(candidate);
  const fields = { ...(parsed.success ? {} : fromIssues(parsed.error.issues, {}, prefix)), ...own };
  if (!parsed.success || Object.keys(fields).length > 0) return { ok: false, errors: { fields, general: [] } };
  return { ok: true, input: { ...candidate, preferredContact: parsed.data.preferredContact } };
}
