/**
 * Every table of the schema, parents before children (the order a copy inserts them in), and the columns
 * that point at a row of their own table (a copy fills them in once every row is there).
 */
export const ALL_TABLES = [
  'practice', 'staff', 'setting', 'import_batch', 'import_problem', 'care_home', 'resident', 'representative', 'medication',
  'condition', 'clinical_event', 'round', 'agenda_item', 'flag', 'medication_review', 'advance_care_plan', 'outcome_action',
  'audit_event', 'review_schedule_run', 'support_plan', 'end_of_life_step', 'lab_result',
] as const;

export type TableName = (typeof ALL_TABLES)[number];

export const SELF_REFERENCES: Partial<Record<TableName, string[]>> = {
  advance_care_plan: ['superseded_by'],
};
