export { SessionGate } from './SessionGate';
export { SignedInMember } from './SignedInMember';
