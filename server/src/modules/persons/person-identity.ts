import type { ActorContext } from '../../platform/context';
import type { Executor, Tx } from '../../platform/db/database';
import * as q from './persons.queries';
import type { PersonSummary } from './persons.schema';
import { formatInsz } from './rules/insz';
import { iso6391Of } from './rules/languages';

/** What a list shows of a person, and what other modules need: names in both scripts, birth date, INSZ, place. */
export type PersonIdentity = PersonSummary;

export function personSummary(p: q.PersonSummaryRow): PersonSummary {
  return {
    id: p.id,
    givenNames: p.given_names,
    familyName: p.family_name,
    givenNamesLatin: p.given_names_latin,
    familyNameLatin: p.family_name_latin,
    birthDate: p.birth_date,
    inszFormatted: p.insz ? formatInsz(p.insz) : null,
    municipalityName: p.municipality_name,
    region: p.region,
  };
}

/** The person's identity, read in the caller's tenant transaction (row-level security applies). */
export async function personIdentity(ex: Executor, id: string): Promise<PersonIdentity | undefined> {
  const p = await q.findPerson(ex, id);
  return p ? personSummary(p) : undefined;
}

/**
 * The languages a person reads, most preferred first, as ISO 639-1 codes where one exists: the
 * mother tongue, then the contact languages. For letters and messages in the person's language.
 */
export async function personLanguages(ex: Executor, id: string): Promise<string[]> {
  const p = await q.findPerson(ex, id);
  if (!p) return [];
  const codes = [p.mother_tongue, ...p.contact_languages].filter((c): c is string => Boolean(c));
  return [...new Set(codes.map((c) => iso6391Of(c) ?? c.toLowerCase()))];
}

/**
 * Called in the same transaction after a person's record changed, with the changed fields.
 * Lets the trajectory react (an address change annuls an infringement, R-21) without the
 * registry knowing about trajectories.
 */
export type PersonChangeListener = (tx: Tx, ctx: ActorContext, personId: string, changedFields: readonly string[]) => Promise<void>;

const listeners = new Set<PersonChangeListener>();

/** Registers a listener; registering the same function twice keeps one. */
export function onPersonChanged(listener: PersonChangeListener): void {
  listeners.add(listener);
}

export async function notifyPersonChanged(tx: Tx, ctx: ActorContext, personId: string, changedFields: readonly string[]): Promise<void> {
  for (const listener of listeners) await listener(tx, ctx, personId, changedFields);
}
