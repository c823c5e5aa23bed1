import { randomUUID } from 'node:crypto';
import type { ActorContext } from '../../platform/context';
import { isUniqueViolation, withTenant, type Tx } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { appendJournal } from '../../platform/journal';
import { listSubjectAccess, auditEventView, recordAudit, requirePermission, scopeOf, type AccessDeps } from '../access';
import { notifyPersonChanged, personSummary } from './person-identity';
import * as q from './persons.queries';
import type { CreatePersonInput, PersonSummary, PersonView, UpdatePersonInput } from './persons.schema';
import { rankDuplicateCandidates } from './rules/duplicates';
import { formatInsz } from './rules/insz';
import { normalizeForSearch, skeletonTerm } from './rules/names';
import { mergeFill, preparePersonRecord, searchTermsOf, searchTextOf, type PersonFacts, type PersonRecord } from './rules/person-record';

export type PersonsDeps = Pick<AccessDeps, 'db' | 'clock'>;

const SUBJECT = 'person';
const todayOf = (d: Date) => d.toISOString().slice(0, 10);


export function personView(p: q.PersonRow): PersonView {
  return {
    id: p.id,
    version: p.version,
    insz: p.insz,
    inszFormatted: p.insz ? formatInsz(p.insz) : null,
    givenNames: p.given_names,
    familyName: p.family_name,
    givenNamesLatin: p.given_names_latin,
    familyNameLatin: p.family_name_latin,
    nameScript: p.name_script,
    birthDate: p.birth_date,
    sex: p.sex,
    motherTongue: p.mother_tongue,
    contactLanguages: p.contact_languages,
    nationality: p.nationality,
    address:
      p.street && p.house_number && p.postal_code && p.municipality_nis
        ? {
            street: p.street,
            houseNumber: p.house_number,
            box: p.box,
            postalCode: p.postal_code,
            municipalityNis: p.municipality_nis,
            municipalityName: p.municipality_name,
          }
        : null,
    region: p.region,
    responsibleAgency: p.responsible_agency,
    phone: p.phone,
    email: p.email,
    mergedIntoId: p.merged_into_id,
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

function recordOrThrow(facts: PersonFacts, now: Date): PersonRecord {
  const prepared = preparePersonRecord(facts, todayOf(now));
  if (!prepared.ok) throw new AppError('validation', { fields: prepared.problems });
  return prepared.record;
}

/** The person as facts again, so an update can re-validate the whole record after a partial change. */
function factsOf(p: q.PersonRow): PersonFacts {
  const v = personView(p);
  return { ...v, address: v.address };
}

async function findDuplicates(tx: Tx, record: PersonRecord, excludeId: string | null) {
  const byInsz = record.insz ? await q.findPersonsByInsz(tx, record.insz) : [];
  const sameDay = record.birthDate ? await q.findPersonsBornOn(tx, record.birthDate) : [];
  const pool = new Map([...byInsz, ...sameDay].filter((p) => p.id !== excludeId).map((p) => [p.id, p]));
  const known = [...pool.values()].map((p) => ({
    id: p.id,
    insz: p.insz,
    birthDate: p.birth_date,
    givenNames: p.given_names,
    familyName: p.family_name,
    givenNamesLatin: p.given_names_latin,
    familyNameLatin: p.family_name_latin,
  }));
  return rankDuplicateCandidates(record, known).map((c) => ({
    ...personSummary(pool.get(c.id)!),
    score: c.score,
    reasons: c.reasons,
  }));
}

/**
 * Registers a person. A probable duplicate (same INSZ, or same birth date with a similar name in any
 * script) stops the registration with the candidates, unless the user has checked each of them and
 * acknowledged it as a different person; the same INSZ can never be acknowledged.
 */
export async function createPerson(deps: PersonsDeps, ctx: ActorContext, input: CreatePersonInput): Promise<PersonView> {
  requirePermission(ctx, 'person.create');
  const now = deps.clock();
  const { acknowledgedDuplicateIds = [], ...facts } = input;
  const record = recordOrThrow(facts, now);
  const id = randomUUID();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const candidates = await findDuplicates(tx, record, null);
      const blocking = candidates.filter((c) => c.reasons.includes('same-insz') || !acknowledgedDuplicateIds.includes(c.id));
      if (blocking.length) {
        throw new AppError('possible-duplicate', { values: { count: candidates.length }, extra: { candidates } });
      }
      await q.insertPerson(tx, id, ctx.actor.tenantId, ctx.actor.userId, record);
      await q.insertSearchTerms(tx, ctx.actor.tenantId, id, searchTermsOf(record));
      if (acknowledgedDuplicateIds.length) {
        await q.insertLinks(tx, ctx.actor.tenantId, id, acknowledgedDuplicateIds, 'not-duplicate', ctx.actor.userId);
      }
      await appendJournal(tx, ctx, { dossierId: id, type: 'person.registered', payload: { new: record }, effectiveAt: now });
      await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT, subjectId: id, summary: 'registered person' });
      return personView((await q.findPerson(tx, id))!);
    });
  } catch (error) {
    // Visible duplicates were caught above; a unique violation means the INSZ is held in another agency.
    if (isUniqueViolation(error)) throw new AppError('insz-taken', { fields: [{ field: 'insz', code: 'insz-taken' }] });
    throw error;
  }
}

export async function getPerson(deps: PersonsDeps, ctx: ActorContext, id: string): Promise<PersonView> {
  requirePermission(ctx, 'person.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const person = await q.findPerson(tx, id);
    if (!person) throw notFound('person');
    await recordAudit(tx, ctx, { action: 'read', subjectType: SUBJECT, subjectId: id, summary: 'viewed person' });
    return personView(person);
  });
}

const INSZ_DIGITS = /^[0-9.\- ]{11,15}$/;
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_BE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Interprets a search: an INSZ, a birth date (2024-03-01 or 1/3/2024), or names in any script. */
export function interpretQuery(q: string): { kind: 'insz'; value: string } | { kind: 'birth-date'; value: string } | { kind: 'text'; value: string } {
  const trimmed = q.trim();
  if (INSZ_DIGITS.test(trimmed) && trimmed.replace(/\D/g, '').length === 11) return { kind: 'insz', value: trimmed.replace(/\D/g, '') };
  const iso = DATE_ISO.exec(trimmed);
  if (iso) return { kind: 'birth-date', value: trimmed };
  const be = DATE_BE.exec(trimmed);
  if (be) return { kind: 'birth-date', value: `${be[3]}-${be[2]!.padStart(2, '0')}-${be[1]!.padStart(2, '0')}` };
  return { kind: 'text', value: normalizeForSearch(trimmed) };
}

export async function searchPersons(deps: PersonsDeps, ctx: ActorContext, query: string, limit: number): Promise<PersonSummary[]> {
  requirePermission(ctx, 'person.read');
  const interpreted = interpretQuery(query);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    let rows: q.PersonSummaryRow[];
    if (interpreted.kind === 'insz') rows = await q.findPersonsByInsz(tx, interpreted.value);
    else if (interpreted.kind === 'birth-date') rows = await q.searchByBirthDate(tx, interpreted.value, limit);
    else if (!interpreted.value) rows = [];
    else {
      const tokens = interpreted.value.split(' ');
      rows = await q.searchByTermPrefixes(tx, ctx.actor.tenantId, tokens, limit);
      // Nothing spelled this way: try the consonant skeletons ('Mohamed' finds 'Mohammed').
      if (!rows.length) rows = await q.searchByTermPrefixes(tx, ctx.actor.tenantId, tokens.map(skeletonTerm), limit);
    }
    // The query itself may be personal data: the log keeps that a search happened and its size only.
    await recordAudit(tx, ctx, { action: 'search', subjectType: SUBJECT, subjectId: null, summary: `searched persons (${rows.length} results)` });
    return rows.map(personSummary);
  });
}

type ChangeSet = Partial<PersonRecord>;

function diff(before: PersonRecord, after: PersonRecord): { old: ChangeSet; new: ChangeSet } {
  const old: Record<string, unknown> = {};
  const next: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof PersonRecord)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      old[key] = before[key];
      next[key] = after[key];
    }
  }
  return { old: old as ChangeSet, new: next as ChangeSet };
}

/** Updates a person under optimistic concurrency: a stale version gets 409, never a silent overwrite. */
export async function updatePerson(
  deps: PersonsDeps,
  ctx: ActorContext,
  id: string,
  expectedVersion: number,
  change: UpdatePersonInput,
): Promise<PersonView> {
  requirePermission(ctx, 'person.update');
  const now = deps.clock();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const current = await q.findPerson(tx, id);
      if (!current) throw notFound('person');
      if (current.version !== expectedVersion) throw new AppError('version-conflict', { extra: { currentVersion: current.version } });
      if (current.merged_into_id) throw new AppError('already-merged', { extra: { mergedIntoId: current.merged_into_id } });
      const before = recordOrThrow(factsOf(current), now);
      const facts: PersonFacts = { ...factsOf(current), ...change };
      // A new original name without a new transliteration gets a fresh transliteration.
      if (change.givenNames && !change.givenNamesLatin) facts.givenNamesLatin = undefined;
      if (change.familyName && !change.familyNameLatin) facts.familyNameLatin = undefined;
      const after = recordOrThrow(facts, now);
      const changes = diff(before, after);
      if (!Object.keys(changes.new).length) return personView(current);
      if (changes.new.insz) {
        const holders = await q.findPersonsByInsz(tx, changes.new.insz);
        if (holders.some((h) => h.id !== id)) {
          throw new AppError('possible-duplicate', { extra: { candidates: holders.map((h) => ({ ...personSummary(h), score: 1, reasons: ['same-insz'] })) } });
        }
      }
      if (!(await q.updatePersonFields(tx, id, expectedVersion, changes.new))) throw new AppError('version-conflict');
      if (changes.new.searchText !== undefined) await q.replaceSearchTerms(tx, ctx.actor.tenantId, id, searchTermsOf(after));
      await appendJournal(tx, ctx, { dossierId: id, type: 'person.changed', payload: changes, effectiveAt: now });
      await notifyPersonChanged(tx, ctx, id, Object.keys(changes.new));
      await recordAudit(tx, ctx, {
        action: 'update',
        subjectType: SUBJECT,
        subjectId: id,
        summary: `changed ${Object.keys(changes.new).filter((k) => k !== 'searchText').join(', ')}`,
      });
      return personView((await q.findPerson(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('insz-taken', { fields: [{ field: 'insz', code: 'insz-taken' }] });
    throw error;
  }
}

/**
 * Merges a duplicate into the surviving person: the survivor takes over facts it lacks, the
 * duplicate points at it and leaves search. The merge is recorded so that unmerge can undo it.
 */
export async function mergePerson(deps: PersonsDeps, ctx: ActorContext, mergedId: string, intoId: string, reason: string): Promise<PersonView> {
  requirePermission(ctx, 'person.merge');
  const now = deps.clock();
  if (mergedId === intoId) throw new AppError('validation', { fields: [{ field: 'intoId', code: 'merge-into-self' }] });
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const merged = await q.findPerson(tx, mergedId);
    const survivor = await q.findPerson(tx, intoId);
    if (!merged) throw notFound('person');
    if (!survivor) throw new AppError('validation', { fields: [{ field: 'intoId', code: 'unknown-person' }] });
    if (merged.merged_into_id) throw new AppError('already-merged', { extra: { mergedIntoId: merged.merged_into_id } });
    if (survivor.merged_into_id) throw new AppError('already-merged', { extra: { mergedIntoId: survivor.merged_into_id } });
    const survivorRecord = recordOrThrow(factsOf(survivor), now);
    const mergedRecord = recordOrThrow(factsOf(merged), now);
    const fill = mergeFill(survivorRecord, mergedRecord);
    // The INSZ is unique: it leaves the merged record before the survivor takes it.
    await q.updatePersonFields(tx, mergedId, merged.version, { mergedIntoId: intoId, ...(fill.insz ? { insz: null } : {}) });
    await q.replaceSearchTerms(tx, ctx.actor.tenantId, mergedId, []);
    if (Object.keys(fill).length) {
      const filled = { ...survivorRecord, ...fill };
      await q.updatePersonFields(tx, intoId, survivor.version, { ...fill, searchText: searchTextOf(filled) });
    }
    await q.insertMerge(tx, { id: randomUUID(), tenantId: ctx.actor.tenantId, survivorId: intoId, mergedId, filled: fill, reason, by: ctx.actor.userId });
    await appendJournal(tx, ctx, { dossierId: mergedId, type: 'person.merged-into', payload: { survivorId: intoId, reason }, effectiveAt: now });
    await appendJournal(tx, ctx, { dossierId: intoId, type: 'person.absorbed', payload: { mergedId, filled: fill, reason }, effectiveAt: now });
    await recordAudit(tx, ctx, { action: 'merge', subjectType: SUBJECT, subjectId: mergedId, summary: `merged into ${intoId}` });
    await recordAudit(tx, ctx, { action: 'merge', subjectType: SUBJECT, subjectId: intoId, summary: `absorbed ${mergedId}` });
    return personView((await q.findPerson(tx, intoId))!);
  });
}

/** Undoes a merge: the duplicate comes back and the survivor gives back what it took over. */
export async function unmergePerson(deps: PersonsDeps, ctx: ActorContext, mergedId: string, reason: string): Promise<PersonView> {
  requirePermission(ctx, 'person.merge');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const merge = await q.findActiveMerge(tx, mergedId);
    if (!merge) throw notFound('merge');
    const survivor = (await q.findPerson(tx, merge.survivor_id))!;
    const merged = (await q.findPerson(tx, mergedId))!;
    const survivorRecord = recordOrThrow(factsOf(survivor), now);
    const filled = merge.filled_fields as Partial<Record<keyof PersonRecord, string>>;
    // Only give back what still holds the merged value: a later correction on the survivor stays.
    const giveBack = Object.fromEntries(
      Object.entries(filled).filter(([field, value]) => survivorRecord[field as keyof PersonRecord] === value).map(([field]) => [field, null]),
    ) as Partial<PersonRecord>;
    if (Object.keys(giveBack).length) {
      await q.updatePersonFields(tx, survivor.id, survivor.version, { ...giveBack, searchText: searchTextOf({ ...survivorRecord, ...giveBack }) });
    }
    await q.updatePersonFields(tx, mergedId, merged.version, { mergedIntoId: null, ...(filled.insz && 'insz' in giveBack ? { insz: filled.insz } : {}) });
    await q.replaceSearchTerms(tx, ctx.actor.tenantId, mergedId, searchTermsOf(recordOrThrow(factsOf(merged), now)));
    await q.markMergeUndone(tx, merge.id, ctx.actor.userId);
    await appendJournal(tx, ctx, { dossierId: mergedId, type: 'person.unmerged', payload: { survivorId: survivor.id, reason }, effectiveAt: now });
    await appendJournal(tx, ctx, { dossierId: survivor.id, type: 'person.gave-back', payload: { mergedId, fields: Object.keys(giveBack), reason }, effectiveAt: now });
    await recordAudit(tx, ctx, { action: 'unmerge', subjectType: SUBJECT, subjectId: mergedId, summary: `unmerged from ${survivor.id}` });
    return personView((await q.findPerson(tx, mergedId))!);
  });
}

/** Who read or changed this person, for the data-protection officer (and later the portal). */
export async function personAccessLog(deps: PersonsDeps, ctx: ActorContext, id: string, limit: number, before: string | null) {
  requirePermission(ctx, 'person.access-log.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    if (!(await q.findPerson(tx, id))) throw notFound('person');
    const rows = await listSubjectAccess(tx, SUBJECT, id, limit, before);
    await recordAudit(tx, ctx, { action: 'read', subjectType: SUBJECT, subjectId: id, summary: 'viewed access log' });
    return rows.map(auditEventView);
  });
}
