import type { carePlanChannels } from '../../shared/ipc/carePlans';
import * as carePlans from '../services/carePlans';
import * as dueLists from '../services/dueLists';
import type { HandlerMap } from './types';

export const carePlanHandlers: HandlerMap<keyof typeof carePlanChannels> = {
  'carePlans:get': carePlans.getCarePlan,
  'carePlans:add': carePlans.addCarePlanEntry,
  'carePlans:overview': carePlans.carePlanOverview,
  'carePlans:add-pathway': carePlans.addPathwayRecord,
  'carePlans:list': dueLists.carePlanList,
};
