import type { reviewsChannels } from '../../shared/ipc/reviews';
import * as dueLists from '../services/dueLists';
import * as reviews from '../services/reviews';
import type { HandlerMap } from './types';

export const reviewsHandlers: HandlerMap<keyof typeof reviewsChannels> = {
  'reviews:overview': reviews.reviewsOverview,
  'reviews:list': dueLists.reviewsList,
  'reviews:resident': reviews.residentMedicines,
  'reviews:record-done': reviews.recordReviewDone,
  'reviews:defer': reviews.deferReview,
  'settings:get': (ctx) => reviews.getSettings(ctx),
  'settings:save': reviews.saveSettings,
};
