/**
 * Tag colours by meaning, in one place so one colour never means two things:
 * - how pressing (flag severity, review due status): solid red for escalate-now, then red, orange, yellow, grey;
 * - where a record is in its lifecycle (flag, round, resident status): blue, purple, green, white;
 * - time passing (a flag waiting longer than a round cycle): pink;
 * - the environment (demo data): solid dark, in the demo strip only.
 * Every nhsuk-frontend tag colour pairs dark text with a light fill at 7:1 or more; the two solid tags
 * are white on NHS red #d5281b (4.9:1) and white on #212b32 (15:1). Colour always comes with words.
 */
import type { DueStatus } from '../../../shared/domain/due';
import type { FlagSeverity, FlagStatus, ResidentStatus } from '../../../shared/domain/enums';

export const SEVERITY_TAGS: Record<FlagSeverity, string> = {
  'escalate-now': 'app-tag--escalate', urgent: 'nhsuk-tag--red', high: 'nhsuk-tag--orange', medium: 'nhsuk-tag--yellow', routine: 'nhsuk-tag--grey',
};

export const DUE_TAGS: Record<DueStatus, string> = { overdue: 'nhsuk-tag--red', due: 'nhsuk-tag--orange', 'due-soon': 'nhsuk-tag--yellow' };

export const FLAG_STATUS_TAGS: Record<FlagStatus, string> = {
  open: 'nhsuk-tag--blue', 'on-agenda': 'nhsuk-tag--purple', addressed: 'nhsuk-tag--green', closed: 'nhsuk-tag--white',
};

export const WAITING_TAG = 'nhsuk-tag--pink';

export const RESIDENT_STATUS_TAGS: Record<ResidentStatus, string> = { active: 'nhsuk-tag--green', left: 'nhsuk-tag--white', died: 'nhsuk-tag--white' };

export const ROUND_STATUS_TAGS = { planning: 'nhsuk-tag--blue', 'agenda-issued': 'nhsuk-tag--purple', held: 'nhsuk-tag--green', closed: 'nhsuk-tag--white' } as const;

export const ENVIRONMENT_TAG = 'app-tag--environment';
