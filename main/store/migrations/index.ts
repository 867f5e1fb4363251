/** Every migration, in order. A shipped migration is never edited: add the next one instead. */
import { initial } from './0010-initial';
import { medicationReviews } from './0040-medication-reviews';
import { roundPlanning } from './0050-round-planning';
import { medicationAsNeeded } from './0060-medication-as-needed';
import { carePathway } from './0070-care-pathway';
import { practiceDetails } from './0080-practice-details';
import { labResults } from './0090-lab-results';
import { sharedMode } from './0100-shared-mode';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial, medicationReviews, roundPlanning, medicationAsNeeded, carePathway, practiceDetails, labResults, sharedMode];
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
export type { Migration };
