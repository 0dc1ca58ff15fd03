import { z } from '../validation/zodNorwegian';
import { idSchema, versionField } from './common';
import { mutationChannel, queryChannel } from './channel';

export interface LifeDomainDto {
  id: number;
  name: string;
  sortOrder: number;
  retired: boolean;
  /** Sent back with a change (migration 0013). */
  version: number;
}

const domainName = z.string().trim().min(1).max(60);

export const lifeDomainChannels = {
  'life-domains:list': queryChannel<LifeDomainDto[]>()(z.strictObject({ includeRetired: z.boolean().optional() }), 'Livsområdene som vurderes i hver sak', [
    'life_domains',
  ]),
  'life-domains:create': mutationChannel<LifeDomainDto>()(z.strictObject({ name: domainName }), 'Legg til et livsområde (administrator)', [
    'life_domains',
    'audit_log',
  ]),
  'life-domains:update': mutationChannel<LifeDomainDto>()(
    z.strictObject({
      id: idSchema,
      ...versionField,
      name: domainName.optional(),
      retired: z.boolean().optional(),
      sortOrder: z.number().int().min(1).max(999).optional(),
    }),
    'Endre navn, rekkefølge eller ta et livsområde ut av bruk (administrator)',
    ['life_domains', 'audit_log'],
  ),
} as const;
