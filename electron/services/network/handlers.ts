import type { HandlersFor } from '../context';
import { createNetworkEvent, deleteNetworkEvent, listNetworkEvents, updateNetworkEvent } from './network';

/** The network log: where the team presented itself and built its network. */
export const networkHandlers: HandlersFor<'network'> = {
  'network:list': listNetworkEvents,
  'network:create': createNetworkEvent,
  'network:update': updateNetworkEvent,
  'network:delete': deleteNetworkEvent,
};
