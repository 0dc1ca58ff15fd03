import { fail, isChannelName, type ApiResult } from '@shared/contract';
import type { EttervernApi } from '@shared/api';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export const UNKNOWN_CHANNEL_MESSAGE = 'Ukjent forespørsel';
const TRANSPORT_FAILURE_MESSAGE = 'Kontakten med Ettervern ble brutt. Start programmet på nytt hvis feilen kommer igjen.';

/**
 * The whole of `window.api`. A channel outside the contract never reaches IPC, and a failure of IPC
 * itself comes back as a typed result instead of an Error whose text could carry data from main.
 */
export function createApi(ipcRenderer: IpcRendererLike): EttervernApi {
  const invoke = (channel: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isChannelName(channel)) return Promise.resolve(fail('unknown_channel', UNKNOWN_CHANNEL_MESSAGE));
    return ipcRenderer
      .invoke(channel, input)
      .then((result) => result as ApiResult<unknown>)
      .catch(() => fail('internal', TRANSPORT_FAILURE_MESSAGE));
  };
  return { invoke } as EttervernApi;
}
