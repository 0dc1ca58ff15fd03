/**
 * The three-month contact (etteroppfølging) that could not be held. The team calls every user about three
 * months after closure; when that cannot happen, they say why with one of these words instead of leaving
 * the contact «Forfalt» for ever. Stored values are ASCII identifiers; labels are what the team reads.
 * Migration 0015 checks the stored value against this list as it was then: a new reason needs a migration.
 */
export const AFTER_CONTACT_MISS_REASONS = ['fikk_ikke_kontakt', 'onsket_ikke_kontakt', 'i_institusjon', 'flyttet', 'dod', 'annet'] as const;
export type AfterContactMissReason = (typeof AFTER_CONTACT_MISS_REASONS)[number];
export const AFTER_CONTACT_MISS_REASON_LABEL: Record<AfterContactMissReason, string> = {
  fikk_ikke_kontakt: 'Fikk ikke kontakt',
  // The evaluation form asks for consent to this contact; a «nei» there belongs here too.
  onsket_ikke_kontakt: 'Brukeren ønsket ikke kontakt',
  i_institusjon: 'Brukeren er i institusjon eller soner',
  flyttet: 'Brukeren har flyttet',
  dod: 'Brukeren er død',
  annet: 'Annet',
};

/**
 * A short note beside the reason («tre forsøk på telefon», «flyttet til Bodø»): enough for a colleague,
 * too short for a story about the person. Retention empties it with the case's other free text.
 */
export const AFTER_CONTACT_MISS_NOTE_MAX = 200;
