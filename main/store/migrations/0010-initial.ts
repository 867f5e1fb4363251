/**
 * The whole domain model of DESIGN.md section 3. Clinical records are retired, never dropped: rows carry
 * statuses and supersession links instead of being deleted. JSON columns hold lists whose shape the
 * domain schemas own (reasons, attendees, participants).
 */
import type { Migration } from './types';

export const initial: Migration = {
  version: 10,
  name: 'initial schema',
  async up(db) {
    await db.exec(`
CREATE TABLE practice (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  ods_code TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
) STRICT;

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('gp', 'nurse', 'pharmacist', 'acp', 'admin')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_accepted INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_queued INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX import_batch_sha ON import_batch (sha256);

CREATE TABLE import_problem (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch (id),
  line TEXT NOT NULL,
  field TEXT,
  reason TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'rejected' CHECK (kind IN ('rejected', 'unmatched', 'warning')),
  nhs_number TEXT
) STRICT;
CREATE INDEX import_problem_batch ON import_problem (batch_id);

CREATE TABLE care_home (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('residential', 'nursing')),
  cqc_location_id TEXT UNIQUE,
  address TEXT,
  phone TEXT,
  manager TEXT,
  round_day TEXT CHECK (round_day IN ('sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday')),
  round_start_time TEXT,
  round_capacity_minutes INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE resident (
  id INTEGER PRIMARY KEY,
  nhs_number TEXT NOT NULL UNIQUE CHECK (length(nhs_number) = 10),
  family_name TEXT NOT NULL,
  given_name TEXT NOT NULL,
  preferred_name TEXT,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  home_id INTEGER NOT NULL REFERENCES care_home (id),
  room TEXT,
  admission_date TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'died')),
  status_date TEXT,
  frailty INTEGER CHECK (frailty BETWEEN 1 AND 9),
  dementia INTEGER NOT NULL DEFAULT 0 CHECK (dementia IN (0, 1)),
  communication_needs TEXT,
  capacity_notes TEXT,
  what_matters TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX resident_home ON resident (home_id, status);
CREATE INDEX resident_identity ON resident (home_id, date_of_birth);

CREATE TABLE representative (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  holds_lpa_health_welfare INTEGER NOT NULL DEFAULT 0 CHECK (holds_lpa_health_welfare IN (0, 1)),
  lpa_registered_on TEXT,
  preferred_contact TEXT NOT NULL DEFAULT 'phone' CHECK (preferred_contact IN ('in-person', 'phone', 'video', 'not')),
  notes TEXT,
  retired_at TEXT
) STRICT;
CREATE INDEX representative_resident ON representative (resident_id);

CREATE TABLE medication (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  name TEXT NOT NULL,
  dose TEXT,
  start_date TEXT,
  type TEXT NOT NULL DEFAULT 'repeat' CHECK (type IN ('repeat', 'acute')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped')),
  stopped_on TEXT,
  last_issued TEXT,
  source_batch_id INTEGER REFERENCES import_batch (id),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX medication_resident ON medication (resident_id, status);

CREATE TABLE condition (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  name TEXT NOT NULL,
  code TEXT,
  onset TEXT,
  source_batch_id INTEGER REFERENCES import_batch (id)
) STRICT;
CREATE INDEX condition_resident ON condition (resident_id);

CREATE TABLE clinical_event (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  type TEXT NOT NULL CHECK (type IN ('admission', 'discharge', 'a-and-e', 'fall', 'death', 'other')),
  date TEXT NOT NULL,
  details TEXT,
  source TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES import_batch (id)
) STRICT;
CREATE INDEX clinical_event_resident ON clinical_event (resident_id, date);

CREATE TABLE round (
  id INTEGER PRIMARY KEY,
  home_id INTEGER NOT NULL REFERENCES care_home (id),
  date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  clinicians TEXT NOT NULL DEFAULT '[]',
  capacity_minutes INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'planning' CHECK (status IN ('planning', 'agenda-issued', 'held', 'closed')),
  plan TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX round_home_date ON round (home_id, date);

CREATE TABLE agenda_item (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES round (id),
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  position INTEGER NOT NULL,
  start_time TEXT,
  minutes INTEGER NOT NULL,
  reasons TEXT NOT NULL DEFAULT '[]',
  attendees TEXT NOT NULL DEFAULT '{}',
  questions TEXT NOT NULL DEFAULT '[]',
  notes TEXT,
  removed_at TEXT,
  removed_reason TEXT,
  UNIQUE (round_id, resident_id)
) STRICT;
CREATE INDEX agenda_item_resident ON agenda_item (resident_id);

CREATE TABLE flag (
  id INTEGER PRIMARY KEY,
  home_id INTEGER NOT NULL REFERENCES care_home (id),
  resident_id INTEGER REFERENCES resident (id),
  raw_identity TEXT NOT NULL DEFAULT '{}',
  raised_on TEXT NOT NULL,
  raised_by TEXT,
  category TEXT NOT NULL CHECK (category IN ('fall', 'weight-loss', 'news2', 'soft-signs', 'confusion', 'skin',
    'infection', 'behaviour', 'pain', 'eating-drinking', 'medication', 'end-of-life', 'family-concern', 'admission',
    'discharge', 'other')),
  category_original TEXT,
  severity TEXT NOT NULL CHECK (severity IN ('escalate-now', 'urgent', 'high', 'medium', 'routine')),
  severity_reason TEXT,
  text TEXT NOT NULL DEFAULT '',
  scores TEXT NOT NULL DEFAULT '{}',
  source TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES import_batch (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on-agenda', 'addressed', 'closed')),
  match_method TEXT,
  unmatched_reason TEXT,
  candidates TEXT NOT NULL DEFAULT '[]',
  dismissed_at TEXT,
  dismissed_reason TEXT,
  escalation_action TEXT,
  escalation_action_at TEXT,
  outcome TEXT,
  natural_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX flag_home_status ON flag (home_id, status);
CREATE INDEX flag_resident ON flag (resident_id);

CREATE TABLE medication_review (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  rule TEXT NOT NULL,
  due_date TEXT,
  reasons TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('due', 'scheduled', 'done', 'deferred')),
  round_id INTEGER REFERENCES round (id),
  done_on TEXT,
  done_by TEXT,
  outcome TEXT,
  deferred_until TEXT,
  deferred_reason TEXT,
  source TEXT NOT NULL DEFAULT 'entered',
  source_batch_id INTEGER REFERENCES import_batch (id),
  rules_version TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX medication_review_resident ON medication_review (resident_id, rule, status);

CREATE TABLE advance_care_plan (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  element TEXT NOT NULL CHECK (element IN ('respect', 'dnacpr', 'preferred-place-of-care', 'preferred-place-of-death',
    'lpa-health-welfare', 'adrt', 'gsf', 'surprise-question', 'what-matters')),
  value TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',
  recorded_on TEXT NOT NULL,
  review_due TEXT,
  participants TEXT NOT NULL DEFAULT '{}',
  source TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES import_batch (id),
  superseded_by INTEGER REFERENCES advance_care_plan (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX advance_care_plan_resident ON advance_care_plan (resident_id, element);

CREATE TABLE outcome_action (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER REFERENCES agenda_item (id),
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  decision TEXT,
  action TEXT,
  owner TEXT CHECK (owner IN ('practice', 'care-home', 'pharmacy', 'representative', 'other')),
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX outcome_action_resident ON outcome_action (resident_id, status);

CREATE TABLE audit_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  summary TEXT NOT NULL
) STRICT;
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);
CREATE INDEX audit_event_at ON audit_event (at);
`);
  },
};
