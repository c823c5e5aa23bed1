/**
 * Test scenarios for the management reports: trajectories built through the real API by a case
 * worker, in a chosen region and target group, with the dates the counting rules turn on.
 */
import { act, INTAKE, newPerson } from '../../testing/dossier-fixtures';
import type { Caller } from '../../testing/test-app';

/** An address in each region (werkingsgebied): Mechelen, Brussels, Hasselt, Aalst, Leuven, Bruges. */
export const ADDRESS = {
  PA: { street: 'Bruul', houseNumber: '1', postalCode: '2800', municipalityNis: '12025' },
  BR: { street: 'Wetstraat', houseNumber: '1', postalCode: '1000', municipalityNis: '21004' },
  LI: { street: 'Grote Markt', houseNumber: '1', postalCode: '3500', municipalityNis: '71072' },
  OV: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
  VB: { street: 'Bondgenotenlaan', houseNumber: '1', postalCode: '3000', municipalityNis: '24062' },
  WV: { street: 'Markt', houseNumber: '1', postalCode: '8000', municipalityNis: '31005' },
} as const;
type Region = keyof typeof ADDRESS;

const FACTS = {
  'verplicht': INTAKE.targetGroupFacts,
  'rechthebbend': { ...INTAKE.targetGroupFacts, nationality: 'eu' },
  'tijdelijke-bescherming': { register: 'foreigners', nationality: 'non-eu', residence: 'temporary-protection' },
} as const;
type Group = keyof typeof FACTS;

const dayBefore = (date: string, days: number) => new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);

/** A dossier under test: runs actions with the current version and keeps the latest view. */
export class ScenarioDossier {
  constructor(
    private readonly caller: Caller,
    public view: { id: string; version: number; state: Record<string, any> },
    readonly personId: string,
  ) {}

  get id() {
    return this.view.id;
  }

  async run(type: string, body: Record<string, unknown>) {
    const res = await act(this.caller, this.view, type, body);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    this.view = res.json();
    return this;
  }

  /** Intake and the decision for the target group its facts propose (checked to be `group`). */
  async intake(date: string, group: Group) {
    await this.run('record-intake', { ...INTAKE, date, targetGroupFacts: { ...FACTS[group], firstInscriptionDate: dayBefore(date, 60) } });
    const proposed = this.view.state.intake.targetGroupProposal.group;
    if (proposed !== group) throw new Error(`intake proposed ${proposed}, not ${group}`);
    return this.run('decide-intake', { date, targetGroup: group, profileId: this.view.state.intake.proposedProfileId });
  }

  /** The contract, signed on `signedOn` and recorded on `recordedOn` (the same day by default). */
  contract(signedOn: string, recordedOn = signedOn) {
    return this.run('sign-contract', { date: recordedOn, signedOn });
  }

  moTest(kind: 'test' | 'exemption-test', date: string, core: [number, number], practical: [number, number]) {
    return this.run('record-mo-test', { date, kind, core: { correct: core[0], total: core[1] }, practical: { correct: practical[0], total: practical[1] } });
  }
}

/** A new person in `region` (none: no address) signed up on `date`. */
export async function signUp(caller: Caller, date: string, region: Region | null, personId?: string): Promise<ScenarioDossier> {
  const id = personId ?? (await newPerson(caller, { address: region ? ADDRESS[region] : null })).id;
  const res = await caller.request('POST', `/api/v1/persons/${id}/dossiers`, { body: { date, channel: 'spontaneous' } });
  if (res.statusCode !== 201) throw new Error(`sign-up: ${res.statusCode} ${res.body}`);
  return new ScenarioDossier(caller, res.json(), id);
}

/** A report as the tests read it (GET /api/v1/reports/{id}). */
export interface ReportTable {
  columns: Array<{ key: string; kind: string }>;
  rows: Array<{ key: string; cells: Record<string, number>; total: number | null }>;
  totals: { cells: Record<string, number>; total: number | null } | null;
  identities: Array<{ name: string; holds: boolean; detail: string }>;
  database: string;
}

/** Runs report `id` with `query` as `caller`; a non-200 answer fails the test with its body. */
export async function reportAs(caller: Caller, id: string, query: string): Promise<ReportTable> {
  const res = await caller.request('GET', `/api/v1/reports/${id}?${query}`);
  if (res.statusCode !== 200) throw new Error(`${id}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The non-zero cells of a table as `row/column: value`, and the totals row as `total/column`. */
export function figures(table: ReportTable): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of table.rows) for (const [c, v] of Object.entries(r.cells)) if (v !== 0) out[`${r.key}/${c}`] = v;
  for (const [c, v] of Object.entries(table.totals?.cells ?? {})) if (v !== 0) out[`total/${c}`] = v;
  return out;
}

/** An NT2 consultant's steps through the API: a conversation on `day` (08:00–09:00 UTC), a test taken in it, its advice. */
export function nt2Steps(consultant: Caller) {
  return {
    async conversation(personId: string, day: string, extra: Record<string, unknown> = {}) {
      const res = await consultant.request('POST', '/api/v1/nt2/conversations', {
        body: { personId, kind: 'nt2-gesprek', startsAt: `${day}T08:00:00Z`, endsAt: `${day}T09:00:00Z`, ...extra },
      });
      if (res.statusCode !== 201) throw new Error(`conversation: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    },
    async test(conversationId: string, kind: string, takenOn: string) {
      const res = await consultant.request('POST', `/api/v1/nt2/conversations/${conversationId}/tests`, { body: { kind, takenOn } });
      if (res.statusCode !== 201) throw new Error(`test: ${res.statusCode} ${res.body}`);
    },
    async advice(conversationId: string, adviceType: string, advisedOn: string) {
      const res = await consultant.request('POST', `/api/v1/nt2/conversations/${conversationId}/advice`, { body: { adviceType, advisedOn } });
      if (res.statusCode !== 201) throw new Error(`advice: ${res.statusCode} ${res.body}`);
    },
  };
}
