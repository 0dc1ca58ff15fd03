import { z } from '../validation/zodNorwegian';
import { pastDateSchema } from '../validation/notInFuture';
import { idSchema, versionedIdInput, versionField, yearSchema } from './common';
import { mutationChannel, queryChannel } from './channel';
import { optionalText } from './cases/caseLife';
import { NETWORK_KINDS, type NetworkKind } from '../domain/caseLife';

export interface NetworkEventDto {
  id: number;
  date: string;
  kind: NetworkKind;
  municipalityId: number | null;
  municipalityName: string | null;
  contacts: { id: number; name: string }[];
  note: string | null;
  /** Sent back with an update or delete (migration 0013). */
  version: number;
}

const eventFields = {
  date: pastDateSchema(),
  kind: z.enum(NETWORK_KINDS),
  municipalityId: idSchema.nullable().optional(),
  contactIds: z.array(idSchema).max(20).optional(),
  note: optionalText(300),
};

const changesEvents = ['network_events', 'network_event_contacts', 'audit_log'] as const;

export const networkChannels = {
  'network:list': queryChannel<NetworkEventDto[]>()(
    z.strictObject({ year: yearSchema.optional(), kind: z.enum(NETWORK_KINDS).optional(), municipalityId: idSchema.optional() }),
    'Nettverkslogg: møter og presentasjoner, nyeste først',
    ['network_events', 'network_event_contacts', 'contacts', 'municipalities'],
  ),
  'network:create': mutationChannel<NetworkEventDto>()(z.strictObject(eventFields), 'Registrer et møte eller en presentasjon', changesEvents),
  'network:update': mutationChannel<NetworkEventDto>()(
    z.strictObject({ id: idSchema, ...versionField, ...eventFields }),
    'Endre en oppføring i nettverksloggen',
    changesEvents,
  ),
  'network:delete': mutationChannel<{ id: number }>()(versionedIdInput, 'Slett en oppføring i nettverksloggen', changesEvents),
} as const;
