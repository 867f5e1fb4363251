/** Every migration, in order. A shipped migration is never edited: add the next one instead. */
import { initial } from './0010-initial';
import { medicationReviews } from './0040-medication-reviews';
import { practiceDetails } from './0080-practice-details';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial, medicationReviews, practiceDetails];
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
export type { Migration };
