/** The fixed vocabularies of the domain model (docs/clinical-rules.md: flags, advance care planning). */

export const STAFF_ROLES = ['gp', 'nurse', 'pharmacist', 'acp', 'admin'] as const;
export const HOME_TYPES = ['residential', 'nursing'] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const RESIDENT_STATUSES = ['active', 'left', 'died'] as const;
export const CONTACT_PREFERENCES = ['in-person', 'phone', 'video', 'not'] as const;
export const MEDICATION_TYPES = ['repeat', 'acute'] as const;
export const MEDICATION_STATUSES = ['active', 'stopped'] as const;
export const EVENT_TYPES = ['admission', 'discharge', 'a-and-e', 'fall', 'death', 'visit', 'other'] as const;
export const FLAG_SEVERITIES = ['escalate-now', 'urgent', 'high', 'medium', 'routine'] as const;
export const FLAG_CATEGORIES = ['fall', 'weight-loss', 'news2', 'soft-signs', 'confusion', 'skin', 'infection',
  'behaviour', 'pain', 'eating-drinking', 'medication', 'end-of-life', 'family-concern', 'admission',
  'discharge', 'other'] as const;
export const FLAG_STATUSES = ['open', 'on-agenda', 'addressed', 'closed'] as const;
export const REVIEW_STATUSES = ['due', 'scheduled', 'done', 'deferred'] as const;
export const ACP_ELEMENTS = ['respect', 'dnacpr', 'preferred-place-of-care', 'preferred-place-of-death',
  'lpa-health-welfare', 'adrt', 'gsf', 'surprise-question', 'what-matters'] as const;
export const ROUND_STATUSES = ['planning', 'agenda-issued', 'held', 'closed'] as const;
export const ACTION_OWNERS = ['practice', 'care-home', 'pharmacy', 'representative', 'other'] as const;
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type HomeType = (typeof HOME_TYPES)[number];
export type Sex = (typeof SEXES)[number];
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export type AcpElement = (typeof ACP_ELEMENTS)[number];
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Plain-English labels for the UI and print. */
export const LABELS = {
  staffRole: { gp: 'GP', nurse: 'Nurse', pharmacist: 'Pharmacist', acp: 'Advanced clinical practitioner', admin: 'Administrator' },
  homeType: { residential: 'Residential', nursing: 'Nursing' },
  sex: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not known' },
  residentStatus: { active: 'Living at the home', left: 'Left the home', died: 'Died' },
  contactPreference: { 'in-person': 'In person', phone: 'By phone', video: 'By video', not: 'Prefers not to join' },
} as const;
