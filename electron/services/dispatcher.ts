import { createDispatcherCore, type Dispatcher, type DispatcherCoreOptions } from './dispatcherCore';
import { handlers as allHandlers, type Handlers } from './handlers';

export type { Dispatcher } from './dispatcherCore';
export { UPGRADED_BY_NEWER } from './dispatcherCore';

export type DispatcherOptions = Omit<DispatcherCoreOptions, 'handlers'> & { handlers?: Handlers };

/** The dispatcher with every domain's handlers: the app, the browser-test bridge, the tests (see dispatcherCore.ts). */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  return createDispatcherCore({ ...options, handlers: options.handlers ?? allHandlers });
}
