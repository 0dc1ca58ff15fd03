import { emptyInput } from './common';
import { queryChannel } from './channel';
import type { MunicipalityKind } from '../domain/municipalities';

export interface MunicipalityDto {
  id: number;
  code: string | null;
  name: string;
  municipalityNumber: string | null;
  kind: MunicipalityKind;
  memberFrom: string | null;
  memberTo: string | null;
}

export const municipalityChannels = {
  // Reference lists hold no personal data; readable before anyone signs in.
  'municipalities:list': queryChannel<MunicipalityDto[]>()(emptyInput, 'Kommunene, Andre kommuner og Felles', ['municipalities'], {
    anonymous: true,
  }),
} as const;
