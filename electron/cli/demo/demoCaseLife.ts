import type { ServiceContext, SignedInContext } from '../../services/context';
import { afterContactDue } from '../../services/cases/transitions';
import {
  CLOSURE_REASONS,
  CONTACT_KINDS,
  GOAL_STATUSES,
  INSTITUTION_KINDS,
  NETWORK_KINDS,
  RATING_OCCASIONS,
  type RatingOccasion,
} from '@shared/domain/caseLife';
import { addDays, isoDateInOslo } from '@shared/dates';
import type { DemoCase } from './caseWork';
import type { Random } from './random';
import { callChannelAsync, writeCase } from './serviceCall';

/** Partners from the annual report; the municipal services are made per member municipality below. */
const REGIONAL_PARTNERS: { name: string; kind: (typeof CONTACT_KINDS)[number] }[] = [
  { name: 'Nordlandssykehuset, DPS Salten', kind: 'dps_sykehus' },
  { name: 'Nordlandssykehuset, ROP-avdelingen', kind: 'dps_sykehus' },
  { name: 'Kriminalomsorgen, Bodø fengsel', kind: 'kriminalomsorgen' },
  { name: 'Fossumkollektivet', kind: 'behandlingsinstitusjon' },
  { name: 'SANKS', kind: 'behandlingsinstitusjon' },
  { name: 'Sigma Nord', kind: 'annet' },
  { name: 'Kommunepsykolog, Fauske', kind: 'kommunepsykolog' },
];
const GOALS = [
  'Få egen leilighet',
  'Betale regningene selv',
  'Komme i aktivitet',
  'Ha kontakt med familien',
  'Holde avtalene med NAV',
  'Handle og lage mat selv',
];
const NOTES = ['Presentasjon av teamet', 'Rutiner for henvisning', 'Samarbeid om overgang til kommunen', 'Fagdag om ettervern', 'Erfaringsutveksling'];

interface Partners {
  municipalService: Map<number, number>;
  nav: Map<number, number>;
  regional: number[];
}

async function createPartners(ctx: SignedInContext, cases: readonly DemoCase[]): Promise<Partners> {
  const municipalities = new Map(cases.map((c) => [c.municipality.id, c.municipality.name]));
  const municipalService = new Map<number, number>();
  const nav = new Map<number, number>();
  for (const [id, name] of municipalities) {
    municipalService.set(
      id,
      (
        await callChannelAsync(ctx, 'contacts:create', {
          name: `Rus og psykisk helse, ${name}`,
          kind: 'rus_psykisk_helse',
          area: 'member',
          municipalityId: id,
          phone: '75 50 00 00',
        })
      ).id,
    );
    const navOffice = await callChannelAsync(ctx, 'contacts:create', {
      name: `NAV ${name}`,
      kind: 'nav',
      area: 'member',
      municipalityId: id,
      phone: '55 55 33 33',
    });
    await callChannelAsync(ctx, 'contacts:add-person', { contactId: navOffice.id, name: 'Veileder ettervern', role: 'Veileder' });
    nav.set(id, navOffice.id);
  }
  const regional: number[] = [];
  for (const p of REGIONAL_PARTNERS) regional.push((await callChannelAsync(ctx, 'contacts:create', { name: p.name, kind: p.kind, area: 'regional' })).id);
  await callChannelAsync(ctx, 'contacts:create', { name: 'NAV Bodø', kind: 'nav', area: 'other', otherMunicipality: 'Bodø' });
  return { municipalService, nav, regional };
}

async function rate(
  ctx: SignedInContext,
  random: Random,
  caseId: number,
  occasion: RatingOccasion,
  ratedOn: string,
  domainIds: number[],
  lift: number,
): Promise<void> {
  const ratings = domainIds.map((domainId) => ({ domainId, level: Math.min(3, Math.max(1, random.int(1, 2) + lift)) }));
  await writeCase(ctx, 'cases:rate-domains', { caseId, occasion, ratedOn, ratings });
}

/**
 * Walks every demo case through its life up to «today» (the demo's clock): risk assessment, institution
 * phase, start, goals, ratings, partners, closure and the three-month contact — through the channels,
 * so every step is validated and audited. The newest referral is left waiting, a few are rejected, and
 * some three-month contacts are left overdue, so every status and every warning on Oversikt has data.
 */
export async function createCaseLife(
  ctx: ServiceContext,
  actorFor: (id: number) => SignedInContext,
  random: Random,
  cases: readonly DemoCase[],
): Promise<void> {
  const today = isoDateInOslo(ctx.clock.now());
  const first = actorFor(cases[0]!.staffIds[0]);
  const partners = await createPartners(first, cases);
  const domainIds = (await callChannelAsync(first, 'life-domains:list', {})).map((d) => d.id);
  const byCode = new Map((await callChannelAsync(first, 'cases:list', {})).map((c) => [c.code, c.id]));

  for (const [index, c] of cases.entries()) {
    const id = byCode.get(c.code)!;
    const as = actorFor(c.staffIds[index % 2]!);
    const newest = index === cases.length - 1;
    await writeCase(as, 'cases:link-contact', { caseId: id, contactId: partners.municipalService.get(c.municipality.id)!, role: 'oppdragsgiver' });
    if (newest || c.startDate > today) continue; // still waiting
    if (random.chance(0.04)) {
      await writeCase(as, 'cases:reject', { id, date: addDays(c.referralDate, 1) });
      continue;
    }
    await writeCase(as, 'cases:record-risk-assessment', { id, date: addDays(c.referralDate, 1), assessedById: c.staffIds[0], done: true });
    await writeCase(as, 'cases:link-contact', { caseId: id, contactId: random.pick(partners.regional), role: 'henviser' });
    const goals = [];
    for (const text of [random.pick(GOALS.slice(0, 3)), random.pick(GOALS.slice(3))])
      goals.push(await callChannelAsync(as, 'cases:add-goal', { caseId: id, text }));
    await rate(as, random, id, RATING_OCCASIONS[0], c.startDate, domainIds, 0);
    let followUpFrom = c.startDate;
    // The second newest case is kept in an institution, so that phase always has an example.
    const stillInside = index === cases.length - 2;
    if (c.dischargeDate || stillInside) {
      await writeCase(as, 'cases:enter-institution', {
        id,
        date: c.startDate,
        institutionKind: random.pick(INSTITUTION_KINDS.slice(0, 3)),
        expectedDischargeDate: stillInside ? addDays(today, 21) : c.dischargeDate,
      });
      if (stillInside || !c.dischargeDate || c.dischargeDate > today) continue;
      followUpFrom = c.dischargeDate;
    }
    await writeCase(as, 'cases:start-follow-up', { id, startDate: followUpFrom, dischargeDate: c.dischargeDate });
    await writeCase(as, 'cases:link-contact', { caseId: id, contactId: partners.nav.get(c.municipality.id)!, role: 'samarbeidspartner' });
    if (c.endDate > today) continue;
    for (const goal of goals)
      await callChannelAsync(as, 'cases:update-goal', { id: goal.id, version: goal.version, status: random.pick(GOAL_STATUSES.slice(1)) });
    await rate(as, random, id, 'avslutning', c.endDate, domainIds, 1);
    await writeCase(as, 'cases:close', {
      id,
      closedDate: c.endDate,
      closureReason: random.pick(CLOSURE_REASONS),
      takeoverService: 'Kommunens rus- og psykiske helsetjeneste',
    });
    await writeCase(as, 'cases:link-contact', { caseId: id, contactId: partners.municipalService.get(c.municipality.id)!, role: 'overtar' });
    const due = afterContactDue(c.endDate);
    const contactDate = addDays(due, random.int(0, 10));
    if (contactDate > today || random.chance(0.1)) continue; // not yet due, or overdue
    await writeCase(as, 'cases:record-after-contact', { id, contactDate });
    await rate(as, random, id, 'etteroppfolging', contactDate, domainIds, random.chance(0.7) ? 1 : 0);
  }

  const years = [...new Set(cases.map((c) => Number(c.referralDate.slice(0, 4))))];
  for (const year of years) {
    for (let i = 0; i < 6; i++) {
      const date = addDays(`${year}-01-15`, random.int(0, 330));
      if (date > today) continue;
      const c = random.pick(cases);
      await callChannelAsync(actorFor(c.staffIds[0]), 'network:create', {
        date,
        kind: random.pick(NETWORK_KINDS),
        municipalityId: random.chance(0.7) ? c.municipality.id : null,
        contactIds: [random.pick(partners.regional), partners.nav.get(c.municipality.id)!],
        note: random.pick(NOTES),
      });
    }
  }
}
