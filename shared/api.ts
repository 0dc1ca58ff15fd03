import type { ApiResult, ChannelInput, ChannelName, ChannelOutput } from './contract';

/** What the preload puts on `window.api`: one function, typed by the contract. */
export interface EttervernApi {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>>;
}
