import type { registerChannels } from '../../shared/ipc/register';
import * as register from '../services/register';
import * as residentList from '../services/residentList';
import type { HandlerMap } from './types';

export const registerHandlers: HandlerMap<keyof typeof registerChannels> = {
  'app:info': (ctx) => register.appInfo(ctx),
  'homes:list': (ctx) => register.listHomes(ctx),
  'homes:get': register.getHome,
  'homes:create': register.createHome,
  'homes:update': register.updateHome,
  'homes:find': register.findHome,
  'residents:search': register.searchResidents,
  'residents:page': residentList.residentsPage,
  'residents:get': register.getResident,
  'residents:find-by-nhs-number': register.findResidentByNhsNumber,
  'residents:create': register.createResident,
  'residents:update': register.updateResident,
  'representatives:add': register.addRepresentative,
  'representatives:update': register.updateRepresentative,
  'representatives:remove': register.removeRepresentative,
};
