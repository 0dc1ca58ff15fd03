import { fail, type ApiResult, type ChannelName } from '@shared/contract';
import type { Dispatcher } from '../services/dispatcher';

/** The parts of Electron's WebFrameMain the trust check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of IpcMainInvokeEvent the trust check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: FrameLike | null;
}

export interface TrustedWindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: FrameLike };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

export const FORBIDDEN_MESSAGE = 'Forespørselen kom ikke fra Ettervern';
const UNEXPECTED_MESSAGE = 'Noe gikk galt. Ingenting ble lagret.';

/**
 * Only the top frame of our own window, showing our own page, may call the API. An iframe, a page the
 * window was tricked into loading, or another window gets `forbidden`.
 */
export function createSenderCheck(getWindow: () => TrustedWindowLike | null, isTrustedUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const { id, mainFrame } = window.webContents;
    if (event.sender.id !== id) return false;
    if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
    return isTrustedUrl(frame.url);
  };
}

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike;
  channels: readonly ChannelName[];
  dispatcher: Pick<Dispatcher, 'dispatchAsync'>;
  isTrustedSender: SenderCheck;
  /** Told the channel only: who asked and with what is not logged. */
  onForbidden?: (channel: ChannelName) => void;
  onUnexpectedError?: (channel: ChannelName, error: unknown) => void;
}

/** One handler per contract channel; each checks the sender, then hands the payload to the dispatcher. */
export function registerIpc(options: RegisterIpcOptions): void {
  for (const channel of new Set(options.channels)) {
    options.ipcMain.handle(channel, (event, payload) => handleInvoke(options, channel, event, payload));
  }
}

async function handleInvoke(options: RegisterIpcOptions, channel: ChannelName, event: InvokeEventLike, payload: unknown): Promise<ApiResult<unknown>> {
  if (!options.isTrustedSender(event)) {
    options.onForbidden?.(channel);
    return fail('forbidden', FORBIDDEN_MESSAGE);
  }
  try {
    return await options.dispatcher.dispatchAsync(channel, payload);
  } catch (error) {
    // The dispatcher turns service errors into results; this is the last guard, so no Error (and its
    // message, which could quote data) is ever serialised across to the renderer.
    options.onUnexpectedError?.(channel, error);
    return fail('internal', UNEXPECTED_MESSAGE);
  }
}
