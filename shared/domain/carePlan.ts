/**
 * Advance care planning entries (docs/clinical-rules.md, advance care planning elements): one zod schema per element, each a value plus
 * structured details, who took part and where the entry came from. The store keeps every entry; a new
 * one supersedes the current entry of the same element (main/store/carePlans.ts).
 */
import { z } from 'zod';
import { rowId } from './register';
import { formatUkDate, isIsoDate } from '../dates';
import type { AcpElement } from './enums';

const isoDate = z.string().refine(isIsoDate, 'Enter a real date');
const optionalDate = z.union([isoDate, z.literal(''), z.null()]).optional().transform((v) => (v ? v : null));
const text = (label: string, max = 500) => z.string().trim().min(1, `Enter ${label}`).max(max, `${label[0]?.toUpperCase()}${label.slice(1)} is too long`);
const optionalText = (max = 500) => z.string().trim().max(max).optional().nullable().transform((v) => (v ? v : null));

/** Where an entry came from: typed in by hand, recorded as a round outcome, or read from an import. */
export const CARE_PLAN_SOURCES = ['entered', 'round-outcome', 'import', 'demo'] as const;
export type CarePlanSource = (typeof CARE_PLAN_SOURCES)[number];

/** The ReSPECT treatment focus scale, from prioritising sustaining life to prioritising comfort. */
export const TREATMENT_FOCUS = ['life-sustaining', 'mostly-life-sustaining', 'balanced', 'mostly-comfort', 'comfort'] as const;
export type TreatmentFocus = (typeof TREATMENT_FOCUS)[number];
export const GSF_CODES = ['A', 'B', 'C', 'D'] as const;

export const participantsSchema = z.object({
  resident: z.object({
    tookPart: z.boolean(),
    /** Whether the resident had capacity for this decision; null when not assessed. */
    hadCapacity: z.boolean().nullable().optional().transform((v) => v ?? null),
  }).optional(),
  representativeIds: z.array(rowId).max(10).optional(),
  representativeNames: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
  clinician: optionalText(200),
}).strict();
export type CarePlanParticipantsFields = z.output<typeof participantsSchema>;

const base = {
  recordedOn: isoDate,
  reviewDue: optionalDate,
  participants: participantsSchema.default({ clinician: null }),
};

export const carePlanEntryInput = z.discriminatedUnion('element', [
  z.object({ element: z.literal('respect'), value: z.enum(['for-cpr', 'not-for-cpr']),
    details: z.object({ treatmentFocus: z.enum(TREATMENT_FOCUS).nullable().default(null) }).strict().default({ treatmentFocus: null }), ...base }).strict(),
  z.object({ element: z.literal('dnacpr'), value: z.enum(['in-place', 'cancelled']),
    details: z.object({ involved: optionalText(), told: optionalText() }).strict().default({ involved: null, told: null }), ...base }).strict(),
  z.object({ element: z.literal('preferred-place-of-care'), value: text('the preferred place of care'), details: z.object({}).strict().default({}), ...base }).strict(),
  z.object({ element: z.literal('preferred-place-of-death'), value: text('the preferred place of death'), details: z.object({}).strict().default({}), ...base }).strict(),
  z.object({ element: z.literal('lpa-health-welfare'), value: z.enum(['registered', 'none']),
    details: z.object({ representativeId: rowId.nullable().default(null), attorney: optionalText(200), registeredOn: optionalDate })
      .strict().default({ representativeId: null, attorney: null, registeredOn: null }), ...base }).strict(),
  z.object({ element: z.literal('adrt'), value: z.enum(['yes', 'no']),
    details: z.object({ whereKept: optionalText() }).strict().default({ whereKept: null }), ...base }).strict(),
  z.object({ element: z.literal('gsf'), value: z.enum(GSF_CODES), details: z.object({}).strict().default({}), ...base }).strict(),
  z.object({ element: z.literal('surprise-question'), value: z.enum(['yes', 'no']), details: z.object({}).strict().default({}), ...base }).strict(),
  z.object({ element: z.literal('what-matters'), value: text('what matters to the resident', 4000), details: z.object({}).strict().default({}), ...base }).strict(),
]).superRefine((e, ctx) => {
  if (e.reviewDue && e.reviewDue < e.recordedOn) ctx.addIssue({ code: 'custom', path: ['reviewDue'], message: 'The review date is before the date recorded' });
  if (e.element === 'lpa-health-welfare' && e.value === 'registered' && e.details.representativeId === null && !e.details.attorney) {
    ctx.addIssue({ code: 'custom', path: ['details', 'representativeId'], message: 'Choose the attorney, or enter their name' });
  }
});
export type CarePlanEntryInput = z.input<typeof carePlanEntryInput>;
export type CarePlanEntryFields = z.output<typeof carePlanEntryInput>;

/** Plain-English names of the elements and their values, for the UI, the CLI and print. */
export const ELEMENT_LABELS: Record<AcpElement, string> = {
  respect: 'ReSPECT form',
  dnacpr: 'DNACPR decision',
  'preferred-place-of-care': 'Preferred place of care',
  'preferred-place-of-death': 'Preferred place of death',
  'lpa-health-welfare': 'Lasting power of attorney (health and welfare)',
  adrt: 'Advance decision to refuse treatment',
  gsf: 'Gold Standards Framework code',
  'surprise-question': 'Surprise question',
  'what-matters': 'What matters to me',
};

export const TREATMENT_FOCUS_LABELS: Record<TreatmentFocus, string> = {
  'life-sustaining': 'Prioritise sustaining life',
  'mostly-life-sustaining': 'Mostly sustaining life',
  balanced: 'Balance of sustaining life and comfort',
  'mostly-comfort': 'Mostly comfort',
  comfort: 'Prioritise comfort',
};

export const GSF_LABELS: Record<(typeof GSF_CODES)[number], string> = {
  A: 'A – year plus prognosis', B: 'B – months', C: 'C – weeks', D: 'D – days',
};

const VALUE_LABELS: Partial<Record<AcpElement, Record<string, string>>> = {
  respect: { 'for-cpr': 'For attempted CPR', 'not-for-cpr': 'Not for attempted CPR' },
  dnacpr: { 'in-place': 'DNACPR decision in place', cancelled: 'DNACPR decision cancelled' },
  'lpa-health-welfare': { registered: 'Registered', none: 'No LPA for health and welfare' },
  adrt: { yes: 'Has an advance decision', no: 'No advance decision' },
  gsf: GSF_LABELS,
  'surprise-question': { yes: 'Yes – would be surprised', no: 'No – would not be surprised' },
};

/** An entry's value in words ("Not for attempted CPR", "C – weeks"); free text is shown as it is. */
export function valueLabel(element: AcpElement, value: string): string {
  return VALUE_LABELS[element]?.[value] ?? value;
}

export const SOURCE_LABELS: Record<string, string> = {
  entered: 'Entered by hand', 'round-outcome': 'Round outcome', import: 'Imported', demo: 'Demo data',
};

/** Where an entry came from, in words: "Entered by hand", "Imported (batch 4)", "Round outcome". */
export function sourceLabel(entry: Pick<CarePlanEntryView, 'source' | 'sourceBatchId'>): string {
  const label = SOURCE_LABELS[entry.source] ?? entry.source;
  return entry.sourceBatchId === null ? label : `${entry.source === 'import' ? label : `${label}, imported`} (batch ${entry.sourceBatchId})`;
}

/** A care-plan entry as the UI and CLI show it. */
export interface CarePlanEntryView {
  id: number;
  element: AcpElement;
  value: string;
  valueLabel: string;
  details: Record<string, unknown>;
  recordedOn: string;
  reviewDue: string | null;
  participants: Record<string, unknown>;
  source: string;
  sourceBatchId: number | null;
  supersededBy: number | null;
}

/** "Edith (had capacity), Susan Example (daughter), Dr Okafor": who took part, in words. */
export function describeParticipants(participants: Record<string, unknown>, representatives: ReadonlyMap<number, string>, residentName = 'resident'): string {
  const p = participants as { resident?: { tookPart?: boolean; hadCapacity?: boolean | null }; representativeIds?: number[];
    representativeNames?: string[]; clinician?: string | null };
  const parts: string[] = [];
  if (p.resident?.tookPart) {
    parts.push(`${residentName}${p.resident.hadCapacity === true ? ' (had capacity)' : p.resident.hadCapacity === false ? ' (lacked capacity for this decision)' : ''}`);
  }
  for (const id of p.representativeIds ?? []) parts.push(representatives.get(id) ?? 'a representative no longer on the record');
  parts.push(...(p.representativeNames ?? []));
  if (p.clinician) parts.push(p.clinician);
  return parts.join(', ');
}

/** The structured details of an entry in words, one phrase per detail. */
export function describeDetails(element: AcpElement, details: Record<string, unknown>, representatives: ReadonlyMap<number, string>): string[] {
  const text = (key: string) => (typeof details[key] === 'string' && details[key] !== '' ? details[key] : null);
  const out: string[] = [];
  if (element === 'respect') {
    const focus = text('treatmentFocus');
    if (focus) out.push(`Treatment focus: ${TREATMENT_FOCUS_LABELS[focus as TreatmentFocus] ?? focus}`);
  }
  if (element === 'dnacpr') {
    if (text('involved')) out.push(`Involved: ${text('involved')}`);
    if (text('told')) out.push(`Told: ${text('told')}`);
  }
  if (element === 'lpa-health-welfare') {
    const rep = typeof details.representativeId === 'number' ? representatives.get(details.representativeId) : undefined;
    const attorney = rep ?? text('attorney');
    if (attorney) out.push(`Attorney: ${attorney}`);
    if (text('registeredOn')) out.push(`Registered ${formatUkDate(text('registeredOn'))}`);
  }
  if (element === 'adrt' && text('whereKept')) out.push(`Kept: ${text('whereKept')}`);
  return out;
}
