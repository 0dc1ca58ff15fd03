export { SystemGate } from './SystemGate';
