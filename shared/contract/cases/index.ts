import { caseChannels } from './cases';
import { caseLifeChannels } from './caseLife';
import { caseNoteChannels } from './closureNote';

/** Every `cases:*` channel: the case record, its lifecycle steps and the closure note. */
export const allCaseChannels = { ...caseChannels, ...caseLifeChannels, ...caseNoteChannels } as const;
